import type { ReactNode } from 'react';
import { Route, useParams } from 'react-router';
import {
  HelperDetailPage,
  HelperFormPage,
  HelperListPage,
  LazyPage,
  OpportunityDetailPage,
  OpportunityFormPage,
  OpportunityListPage,
  ReferralDetailPage,
  ReferralListPage,
  ReferralStatsPage,
  TodayPage,
} from './needs-lazy';

/** A page that takes the :id of the URL (keyed, so that moving between two records starts afresh). */
function WithId({ render }: { render: (id: string) => ReactNode }) {
  const { id = '' } = useParams();
  return <LazyPage>{render(id)}</LazyPage>;
}

const lazyPage = (node: ReactNode) => <LazyPage>{node}</LazyPage>;

/**
 * The つなぎ, 今日の確認, 成果, 就労的活動 and 担い手 URLs under /app/t/:tenant, as one fragment that
 * app-routes.tsx places among the tenant's routes.
 */
export const matchingRoutes = (
  <>
    <Route path="today" element={lazyPage(<TodayPage />)} />
    <Route path="referrals" element={lazyPage(<ReferralListPage />)} />
    <Route
      path="referrals/:id"
      element={<WithId render={(id) => <ReferralDetailPage key={id} id={id} />} />}
    />
    <Route path="referral-stats" element={lazyPage(<ReferralStatsPage />)} />
    <Route path="opportunities" element={lazyPage(<OpportunityListPage />)} />
    <Route path="opportunities/new" element={lazyPage(<OpportunityFormPage />)} />
    <Route
      path="opportunities/:id"
      element={<WithId render={(id) => <OpportunityDetailPage key={id} id={id} />} />}
    />
    <Route
      path="opportunities/:id/edit"
      element={<WithId render={(id) => <OpportunityFormPage key={id} id={id} />} />}
    />
    <Route path="helpers" element={lazyPage(<HelperListPage />)} />
    <Route path="helpers/new" element={lazyPage(<HelperFormPage />)} />
    <Route path="helpers/:id" element={<WithId render={(id) => <HelperDetailPage key={id} id={id} />} />} />
    <Route
      path="helpers/:id/edit"
      element={<WithId render={(id) => <HelperFormPage key={id} id={id} />} />}
    />
  </>
);

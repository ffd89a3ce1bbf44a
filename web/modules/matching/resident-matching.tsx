import { useState } from 'react';
import { formatWareki } from '../../../domain/dates';
import { useTenantScope } from '../../lib/session';
import { ErrorNotice, Loading } from '../../ui/status';
import { DaysPicker } from './format';
import { useResidentSuggestions } from './queries';
import { ReferralsOf, SuggestionGroup } from './suggestions';

/**
 * On a resident's page: their つなぎ, the best few for each open need, and what their
 * 興味・関心チェックシート points to (places to go, and 就労的活動 where a role fits).
 */
export function ResidentMatching({ residentId, canEdit }: { residentId: string; canEdit: boolean }) {
  const scope = useTenantScope();
  const [days, setDays] = useState<number[]>([]);
  const query = useResidentSuggestions(scope.code, residentId, days.join(','));
  return (
    <>
      <section aria-labelledby="resident-referrals-title">
        <h2 id="resident-referrals-title">つなぎ</h2>
        <ReferralsOf residentId={residentId} />
      </section>
      <section className="panel" aria-labelledby="resident-suggestions-title">
        <h2 id="resident-suggestions-title">つなぎ先の候補</h2>
        <DaysPicker value={days} onChange={setDays} />
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          <ErrorNotice error={query.error} />
        ) : (
          <>
            {query.data.forNeeds.length === 0 && <p className="muted">対応中の困りごとはありません。</p>}
            {query.data.forNeeds.map((n) => (
              <SuggestionGroup
                key={n.needId}
                title={`困りごと「${n.summary}」に`}
                items={n.suggestions}
                referFor={{ needId: n.needId }}
                canRefer={canEdit}
                empty="合う候補は見つかりません。"
              />
            ))}
            <section aria-labelledby="resident-interests-title">
              <h3 id="resident-interests-title">興味・関心から</h3>
              {query.data.interests.length === 0 ? (
                <p className="muted">興味・関心チェックシートの回答がありません。</p>
              ) : (
                <>
                  <p className="muted">
                    {query.data.interestsFrom && `${formatWareki(query.data.interestsFrom)}の回答：`}
                    {query.data.interests.map((i) => `${i.label}（${i.mark}）`).join('、')}
                  </p>
                  <SuggestionGroup
                    title="興味・関心に合うもの"
                    items={query.data.forInterests}
                    referFor={{ residentId }}
                    canRefer={canEdit}
                    empty="合う地域資源や就労的活動は見つかりません。"
                  />
                </>
              )}
            </section>
          </>
        )}
      </section>
    </>
  );
}

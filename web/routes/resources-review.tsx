import { LazyPage, ResourceReviewPage } from './resources-lazy';

/** /app/t/:tenant/resources/review (?area=) */
export function ResourcesReviewRoute() {
  return (
    <LazyPage>
      <ResourceReviewPage />
    </LazyPage>
  );
}

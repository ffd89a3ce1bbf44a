import { LazyPage, NeedListPage } from './needs-lazy';

/** /app/t/:tenant/needs (filters in the query: ?area=&category=&status=&open=true&source=&fy=) */
export function NeedsRoute() {
  return (
    <LazyPage>
      <NeedListPage />
    </LazyPage>
  );
}

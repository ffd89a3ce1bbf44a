import { LazyPage, ResourceListPage } from './resources-lazy';

/** /app/t/:tenant/resources (filters in the query: ?q=&area=&weekday=&view=map …) */
export function ResourcesRoute() {
  return (
    <LazyPage>
      <ResourceListPage />
    </LazyPage>
  );
}

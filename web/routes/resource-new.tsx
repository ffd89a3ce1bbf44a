import { LazyPage, ResourceNewPage } from './resources-lazy';

/** /app/t/:tenant/resources/new */
export function ResourceNewRoute() {
  return (
    <LazyPage>
      <ResourceNewPage />
    </LazyPage>
  );
}

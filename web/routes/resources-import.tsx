import { LazyPage, ResourceImportPage } from './resources-lazy';

/** /app/t/:tenant/resources/import */
export function ResourcesImportRoute() {
  return (
    <LazyPage>
      <ResourceImportPage />
    </LazyPage>
  );
}

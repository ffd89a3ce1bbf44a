import { LazyPage, ResourceTaxonomyPage } from './resources-lazy';

/** /app/t/:tenant/resources/taxonomy */
export function ResourcesTaxonomyRoute() {
  return (
    <LazyPage>
      <ResourceTaxonomyPage />
    </LazyPage>
  );
}

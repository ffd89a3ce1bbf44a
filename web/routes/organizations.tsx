import { LazyPage, OrganizationsPage } from './resources-lazy';

/** /app/t/:tenant/organizations */
export function OrganizationsRoute() {
  return (
    <LazyPage>
      <OrganizationsPage />
    </LazyPage>
  );
}

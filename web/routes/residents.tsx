import { LazyPage, ResidentListPage } from './needs-lazy';

/** /app/t/:tenant/residents (?q=&area=&page=) */
export function ResidentsRoute() {
  return (
    <LazyPage>
      <ResidentListPage />
    </LazyPage>
  );
}

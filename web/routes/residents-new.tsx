import { LazyPage, ResidentNewPage } from './needs-lazy';

/** /app/t/:tenant/residents/new */
export function ResidentNewRoute() {
  return (
    <LazyPage>
      <ResidentNewPage />
    </LazyPage>
  );
}

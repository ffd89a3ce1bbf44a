import { AreaListPage } from '../modules/areas';

/** /app/t/:tenant/areas */
export function AreasRoute() {
  return <AreaListPage />;
}

import { PopulationImportPage } from '../modules/areas';

/** /app/t/:tenant/population-import */
export function PopulationImportRoute() {
  return <PopulationImportPage />;
}

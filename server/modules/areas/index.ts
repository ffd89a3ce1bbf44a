/** Areas by 層, their population statistics, and population file imports. */
export { areasRoutes } from './areas.routes';
export type { AreaRow } from './areas.service';
export {
  areaLayers,
  createArea,
  createRootArea,
  getArea,
  latestAreaSnapshot,
  listAreas,
  loadTenantAreas,
  putAreaStatistics,
  setAreaBoundary,
  tenantAreas,
} from './areas.service';
export { exportAreas, exportPopulation } from './export.service';
export { commitPopulationImport, previewPopulationImport } from './population.service';

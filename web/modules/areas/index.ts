/** Areas and population statistics in the staff workspace. */
export { AreaDetailPage } from './area-detail';
export { AreaEditPage, AreaNewPage } from './area-form';
export { AreaListPage } from './area-list';
export { HeadlineFigures } from './headline-figures';
export { PopulationImportPage } from './population-import';
export { useAreaList } from './queries';

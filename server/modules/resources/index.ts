/** 地域資源: registry shaped like HSDS 3.0, Japanese search, schedules, import/export, HSDS read API. */

export {
  type ResourceFacts,
  readResourceCandidates,
  referableResource,
  resourceBriefs,
  resourceCandidates,
  resourceOrganizationIds,
} from './candidates.service';
export { exportResources } from './export.service';
export { hsdsRoutes } from './hsds.routes';
export { hsdsServices, hsdsTaxonomies, hsdsTaxonomyTerms } from './hsds.service';
export { commitImport, previewImport, remapImport } from './import.service';
export { createOrganization, organizationByName, organizationsByIds } from './organizations.service';
export {
  openDirectory,
  type PublicDirectory,
  type PublicFilter,
  type PublicTenant,
  publicResource,
  publicResources,
  publicSearch,
  publicTenants,
} from './public.service';
export { resourcesRoutes } from './resources.routes';
export {
  buildSearchText,
  createResource,
  getResource,
  loadWorld,
  refreshOlderSearchTexts,
  resourceCoverage,
  resourceNames,
  saveResource,
  searchIndexes,
  searchPage,
  searchQuery,
  searchResources,
} from './resources.service';
export { loadTerms, type TermRow, tenantTerms, withDescendants } from './taxonomy.service';

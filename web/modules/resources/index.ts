/** 地域資源 in the staff workspace: list and map, detail, form, freshness queue, history, import, taxonomy. */
import './resources.css';

export { HistoryPage as ResourceHistoryPage } from './history-page';
export { ResourceImportPage } from './import-page';
export { OrganizationsPage } from './organizations-page';
export { ResourceDetailPage } from './resource-detail-page';
export { ResourceEditPage, ResourceNewPage } from './resource-form';
export { ResourceListPage } from './resource-list-page';
export { ReviewPage as ResourceReviewPage } from './review-page';
export { TaxonomyPage as ResourceTaxonomyPage } from './taxonomy-page';

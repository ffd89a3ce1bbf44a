/** 住民 in the staff workspace: list, detail with the person's needs and requests, the form with consent. */
export { ResidentDetailPage } from './resident-detail-page';
export { ResidentEditPage, ResidentNewPage } from './resident-form';
export { ResidentListPage } from './resident-list-page';

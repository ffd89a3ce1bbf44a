/** 住民: the people the SC supports. Personal data — every read and change is audited. */
export { residentsRoutes } from './residents.routes';
export {
  assertResidentVisible,
  createResident,
  eraseResident,
  getResident,
  listResidents,
  type ResidentLinks,
  registerResidentLinks,
  residentNames,
  residentSummaries,
} from './residents.service';

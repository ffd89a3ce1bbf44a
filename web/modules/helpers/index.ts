/** 担い手（人材バンク）in the staff workspace: list, detail with the courses taken and their つなぎ, form. */

export { HelperDetailPage, HelperFormPage, HelperListPage } from './helper-pages';

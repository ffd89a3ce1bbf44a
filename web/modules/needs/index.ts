/** 困りごと in the staff workspace: quick capture on a phone, list, detail with its status history, edit. */
import './needs.css';

export { AreaOptions, useAreaChoices } from './areas';
export {
  NeedCategory,
  NeedStatusBadge,
  needTitle,
  PrivacyNote,
  peopleText,
  ShortDate,
  Urgency,
} from './format';
export { NeedDetailPage } from './need-detail-page';
export { NeedEditPage } from './need-form';
export { NeedCard, NeedListPage } from './need-list-page';
export { canSeePersonalData, needPaths } from './paths';
export { invalidateNeeds, useNeedList, useTerms } from './queries';
export { QuickCapturePage } from './quick-capture-page';
export { TileChoices } from './tile-choices';

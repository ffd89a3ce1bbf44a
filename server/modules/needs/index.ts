/** ニーズ把握: 困りごと with their history, and needs against resources by area (the 協議体's view). */

export { needsMatrix } from './matrix.service';
export { needsRoutes } from './needs.routes';
export {
  changeNeedStatus,
  createNeed,
  listNeeds,
  markNeedReferred,
  type NeedFact,
  needFacts,
  needForMatching,
} from './needs.service';

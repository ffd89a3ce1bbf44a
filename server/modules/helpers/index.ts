/** 担い手 and the 人材バンク: volunteers and groups, what they can do, when, where, the courses they took. */

export { coursesRoutes } from './courses.routes';
export { addParticipant, addSession, createCourse, setAttendance } from './courses.service';
export { helpersRoutes } from './helpers.routes';
export {
  addHelperTraining,
  assertHelperReferable,
  createHelper,
  type HelperLinks,
  helperAvailable,
  helperCandidates,
  helperNames,
  readAskableHelpers,
  registerHelperLinks,
} from './helpers.service';
export { type HelperRow, helpers } from './helpers.tables';
export { helpersByIds, mayActOnHelper } from './members.service';

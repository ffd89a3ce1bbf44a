/**
 * 養成講座 in the staff workspace (part of the 担い手 module): the course list, and a course with
 * its sessions, attendance tick list, participants and 修了者一覧. Kept in files of its own beside
 * the 人材バンク pages.
 */
import './courses.css';

export { CourseDetailPage } from './course-detail-page';
export { CourseListPage } from './course-list-page';
export { CoursesIcon, coursePaths } from './course-paths';

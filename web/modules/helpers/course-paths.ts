import { GraduationCap } from 'lucide-react';

/* URLs of the 養成講座 pages, apart from the pages so that the main menu can use them cheaply. */

export const CoursesIcon = GraduationCap;

export const coursePaths = {
  courses: (tenant: string) => `/t/${tenant}/courses`,
  course: (tenant: string, id: string) => `/t/${tenant}/courses/${id}`,
};

import { fileURLToPath } from 'node:url';

/*
 * Unedited copies of the project's shared real data and of the HSDS schemas, so that the tests do
 * not depend on where the repository is checked out (CI clones it anywhere). testdata.test.ts
 * checks they are byte-identical to ../shared whenever that folder is present.
 */

/** Absolute path of a file under testdata/, e.g. `data/takamatsu/population_0066_202407.csv`. */
export function testdata(relative: string): string {
  return fileURLToPath(new URL(relative, import.meta.url));
}

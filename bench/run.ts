import os from 'node:os';
import { matchingBench } from './matching.bench';
import { portalBench } from './portal.bench';
import { printBench } from './print.bench';
import { resourcesBench } from './resources.bench';
import { spineBench } from './spine.bench';
import { surveysBench } from './surveys.bench';

/*
 * `npm run bench [name…]` — every benchmark prints its figures next to a baseline measured in the
 * same run. Names: spine, resources, portal, print, surveys, matching (default: all).
 */
const benches: Record<string, () => Promise<void>> = {
  spine: spineBench,
  resources: resourcesBench,
  portal: portalBench,
  print: printBench,
  surveys: surveysBench,
  matching: matchingBench,
};
const chosen = process.argv.slice(2).filter((a) => a in benches);
console.log(
  `Node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
for (const name of chosen.length ? chosen : Object.keys(benches)) {
  console.log(`\n════ ${name} ════`);
  await benches[name]!();
}

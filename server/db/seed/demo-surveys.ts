import { toExcelCsv } from '../../../domain/csv-write';
import { NEEDS_SURVEY_RISK } from '../../../domain/needs-survey';
import { items } from '../../../domain/questionnaire';
import { randomNeedsAnswers, seeded } from '../../../domain/survey-samples';
import type { TenantContext } from '../../core/context';
import { commitSurveyImport, createSurvey, previewSurveyImport } from '../../modules/surveys';
import { DEMO_REGIONS } from './demo-town';

/*
 * The demo town's 令和7年度 ニーズ調査: 900 synthetic respondents (fictional, seeded), entered the
 * way a town receives them — a contractor's CSV through the import — so the results page, the map
 * and the small-cell suppression all have something to show. Hill 地区 of 北部圏域 answer a little
 * more often with the risk answers, so that the map has a shape.
 */
export async function seedDemoSurveys(ctx: TenantContext): Promise<number> {
  const survey = await createSurvey(ctx, {
    title: '令和7年度 介護予防・日常生活圏域ニーズ調査',
    instrument: 'needs-survey-risk',
    fiscalYear: 2025,
    thresholds: {},
  });
  const keys = items(NEEDS_SURVEY_RISK).map((i) => i.key);
  const towns = DEMO_REGIONS.flatMap((r) =>
    r.districts.flatMap((d) => d.towns.map((t) => ({ town: t, north: r.name === '北部圏域' }))),
  );
  const rand = seeded(2025);
  const rows: (string | number)[][] = [['調査票番号', '町丁', ...keys]];
  for (let i = 0; i < 900; i++) {
    const { town, north } = towns[i % towns.length]!;
    const a = randomNeedsAnswers(rand);
    // Older and a little frailer up the hill: one more "できない" on stairs and walking.
    if (north && rand() < 0.35) {
      a['ns.stairs'] = '3';
      a['ns.walk15'] = '3';
    }
    rows.push([String(i + 1).padStart(4, '0'), town, ...keys.map((k) => a[k] ?? '')]);
  }
  const bytes = new TextEncoder().encode(toExcelCsv(rows));
  const preview = await previewSurveyImport(ctx, survey.id, {
    fileName: 'needs-2025.csv',
    headerRows: '1',
    bytes,
  });
  if (!preview.canCommit)
    throw new Error(`demo survey did not import: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  return (await commitSurveyImport(ctx, survey.id, preview.id)).added;
}

import type { z } from 'zod';
import type { getSurvey, RuleInfo, Survey, SurveyResponse, SurveyResults } from '../../../contracts/surveys';
import { INTEREST_CHECKSHEET } from '../../../domain/interest-checksheet';
import { KIHON_CHECKLIST } from '../../../domain/kihon-checklist';
import { NEEDS_SURVEY_RISK } from '../../../domain/needs-survey';
import type { QuestionnaireDefinition } from '../../../domain/questionnaire';
import { areaItem, areaList } from '../areas/test-fixtures';

/* Shapes the server answers with, for component tests (each passes the contract's own schema). */

export const TENANT = '019992';
export const SURVEY_ID = '66666666-6666-4666-8666-666666666666';
export const RESPONSE_ID = '77777777-7777-4777-8777-777777777777';
export const TOWN_ID = '0b6c1f4e-3f1a-4a39-9d4a-1c2b3d4e5f60';
export const NORTH_ID = '11111111-1111-4111-8111-111111111111';
export const CENTRAL_ID = '33333333-3333-4333-8333-333333333333';

const withBoundary = { hasBoundary: true };

export const AREAS = areaList([
  areaItem(TOWN_ID, null, 1, 'ささえ町', 0, withBoundary),
  areaItem(NORTH_ID, TOWN_ID, 2, '北部圏域', 1, withBoundary),
  areaItem(CENTRAL_ID, TOWN_ID, 2, '中央圏域', 2, withBoundary),
]);

export function rule(overrides: Partial<RuleInfo> = {}): RuleInfo {
  return {
    key: 'motor',
    label: '運動器',
    meaning: 'risk',
    status: 'verified',
    source: '平成27年厚生労働省告示第197号 様式第二',
    note: '',
    condition: 'No.6〜10のうち3項目以上',
    threshold: 3,
    overridden: false,
    ...overrides,
  };
}

export const KIHON_RULES: RuleInfo[] = [
  rule({
    key: 'jigyoTaishosha',
    label: '事業対象者',
    condition: '7つの基準のいずれかに該当',
    threshold: null,
  }),
  rule(),
  rule({ key: 'depression', label: 'うつ', condition: 'No.21〜25のうち2項目以上', threshold: 2 }),
];

export function survey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: SURVEY_ID,
    title: '令和8年度 基本チェックリスト',
    instrument: 'kihon-checklist',
    instrumentVersion: 1,
    instrumentTitle: '基本チェックリスト',
    fiscalYear: 2026,
    thresholds: {},
    responses: 11,
    version: 1,
    createdAt: '2026-05-01T00:00:00.000Z',
    ...overrides,
  };
}

type Detail = z.input<(typeof getSurvey)['response']>;

const DEFINITIONS: Record<Survey['instrument'], QuestionnaireDefinition> = {
  'kihon-checklist': KIHON_CHECKLIST,
  'needs-survey-risk': NEEDS_SURVEY_RISK,
  'interest-checksheet': INTEREST_CHECKSHEET,
};

export function detail(s: Survey = survey(), rules: RuleInfo[] = KIHON_RULES): Detail {
  const def = DEFINITIONS[s.instrument];
  return {
    survey: s,
    instrument: {
      key: s.instrument,
      version: def.version,
      title: def.title,
      source: def.source,
      confidence: def.confidence,
      note: def.note ?? '',
      // What JSON.stringify makes of it on the way from the server.
      definition: JSON.parse(JSON.stringify(def)),
      rules,
    },
  };
}

export function response(overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: RESPONSE_ID,
    respondentNo: '12',
    residentId: null,
    areaId: null,
    areaName: null,
    sex: null,
    age: null,
    answeredOn: null,
    mode: 'paper',
    answers: {},
    results: [],
    enteredBy: '保険 花子',
    createdAt: '2026-05-02T00:00:00.000Z',
    ...overrides,
  };
}

const shown = (value: number, text = value.toLocaleString('ja-JP')) => ({ shown: true, value, text });
const small = { shown: false, value: null, text: '—（5人未満）' };
const pct = (v: number) => shown(v, `${v.toFixed(1)}%`);

/** Results as a 第2層 SC sees them: 北部圏域 has too few people, so its cells are withheld. */
export function results(overrides: Partial<SurveyResults> = {}): SurveyResults {
  return {
    survey: survey(),
    respondents: 40,
    suppressed: true,
    rules: KIHON_RULES.slice(0, 2),
    overall: [
      { key: 'jigyoTaishosha', hits: shown(12), known: shown(38), undetermined: 2, rate: pct(31.6) },
      { key: 'motor', hits: shown(8), known: shown(40), undetermined: 0, rate: pct(20) },
    ],
    byArea: [
      {
        areaId: NORTH_ID,
        areaName: '北部圏域',
        respondents: small,
        rules: [
          { key: 'jigyoTaishosha', hits: small, known: small, undetermined: null, rate: small },
          { key: 'motor', hits: small, known: small, undetermined: null, rate: small },
        ],
      },
      {
        areaId: CENTRAL_ID,
        areaName: '中央圏域',
        respondents: shown(37),
        rules: [
          { key: 'jigyoTaishosha', hits: shown(11), known: shown(35), undetermined: 2, rate: pct(31.4) },
          { key: 'motor', hits: shown(7), known: shown(37), undetermined: 0, rate: pct(18.9) },
        ],
      },
    ],
    byBand: [
      {
        band: '65〜74歳',
        sex: '男性',
        respondents: shown(10),
        rules: [
          { key: 'jigyoTaishosha', hits: small, known: shown(10), undetermined: 0, rate: small },
          { key: 'motor', hits: small, known: shown(10), undetermined: 0, rate: small },
        ],
      },
      {
        band: '65〜74歳',
        sex: '女性',
        respondents: shown(30),
        rules: [
          { key: 'jigyoTaishosha', hits: shown(9), known: shown(28), undetermined: 2, rate: pct(32.1) },
          { key: 'motor', hits: shown(6), known: shown(30), undetermined: 0, rate: pct(20) },
        ],
      },
    ],
    questions: [
      {
        itemKey: 'kc01',
        label: 'No.1 バスや電車で1人で外出していますか',
        options: [
          { code: '0', label: 'はい', count: shown(36) },
          { code: '1', label: 'いいえ', count: small },
        ],
        unanswered: small,
      },
    ],
    ...overrides,
  };
}

export const BOUNDARIES = {
  type: 'FeatureCollection' as const,
  features: [
    {
      type: 'Feature' as const,
      id: NORTH_ID,
      properties: { name: '北部圏域', layer: 2 as const },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [141.7, 43.4],
            [141.8, 43.4],
            [141.8, 43.5],
            [141.7, 43.5],
            [141.7, 43.4],
          ],
        ],
      },
    },
    {
      type: 'Feature' as const,
      id: CENTRAL_ID,
      properties: { name: '中央圏域', layer: 2 as const },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [141.7, 43.3],
            [141.8, 43.3],
            [141.8, 43.4],
            [141.7, 43.4],
            [141.7, 43.3],
          ],
        ],
      },
    },
  ],
};

import { z } from 'zod';
import { endpoint, FileResponse, IsoDateString, IsoDateTime, Ok, TenantParams, Uuid, Version } from './http';

const tag = 'surveys';

export const INSTRUMENT_KEYS = ['needs-survey-risk', 'kihon-checklist', 'interest-checksheet'] as const;
export const Instrument = z.enum(INSTRUMENT_KEYS).meta({ title: '調査票' });

/** A table cell after small-cell suppression: the value, or only the reason it is withheld. */
export const Cell = z.object({ shown: z.boolean(), value: z.number().nullable(), text: z.string() });
export type Cell = z.infer<typeof Cell>;

const Confidence = z.enum(['verified', 'secondary', 'unverified', 'conflict']);

export const RuleInfo = z.object({
  key: z.string(),
  label: z.string(),
  meaning: z.enum(['risk', 'positive']),
  status: Confidence,
  source: z.string(),
  note: z.string(),
  /** In words: 「5項目中3項目以上」「5点中4点以下」. */
  condition: z.string(),
  threshold: z.number().int().nullable(),
  overridden: z.boolean(),
});
export type RuleInfo = z.infer<typeof RuleInfo>;

export const InstrumentInfo = z.object({
  key: Instrument,
  version: z.number().int(),
  title: z.string(),
  source: z.string(),
  confidence: Confidence,
  note: z.string(),
  /** The questionnaire definition (domain/questionnaire.ts), as data. */
  definition: z.unknown(),
  rules: z.array(RuleInfo),
});

export const Survey = z
  .object({
    id: Uuid,
    title: z.string(),
    instrument: Instrument,
    instrumentVersion: z.number().int(),
    instrumentTitle: z.string(),
    fiscalYear: z.number().int(),
    /** Threshold changes for this survey: `{ iadl: 3 }`. */
    thresholds: z.record(z.string(), z.number().int()),
    responses: z.number().int(),
    version: z.number().int(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Survey' });
export type Survey = z.infer<typeof Survey>;

export const SurveyInput = z.object({
  title: z.string().trim().min(1).max(120).meta({ title: '調査の名前' }),
  instrument: Instrument,
  fiscalYear: z.number().int().min(2000).max(2100).meta({ title: '年度' }),
  thresholds: z.record(z.string(), z.number().int().min(0).max(20)).default({}).meta({ title: '判定の基準' }),
});
export type SurveyInput = z.input<typeof SurveyInput>;

const SurveyParams = TenantParams.extend({ id: Uuid });
const ResponseParams = SurveyParams.extend({ responseId: Uuid });
const ImportParams = SurveyParams.extend({ importId: Uuid });

export const ResponseMode = z.enum(['paper', 'interview', 'import']).meta({ title: '回収の方法' });

export const ResponseInput = z.object({
  respondentNo: z.string().trim().max(40).default('').meta({ title: '調査票番号' }),
  residentId: Uuid.nullable().default(null).meta({ title: '住民' }),
  areaId: Uuid.nullable().default(null).meta({ title: '地域' }),
  townName: z.string().trim().max(80).default('').meta({ title: '町丁' }),
  sex: z.enum(['1', '2']).nullable().default(null).meta({ title: '性別' }),
  age: z.number().int().min(40).max(120).nullable().default(null).meta({ title: '年齢' }),
  answeredOn: IsoDateString.nullable().default(null).meta({ title: '回答日' }),
  mode: ResponseMode.default('paper'),
  answers: z.record(z.string(), z.unknown()).meta({ title: '回答' }),
});
export type ResponseInput = z.input<typeof ResponseInput>;

export const Judgement = z.enum(['該当', '非該当', '判定不能']);

export const SurveyResponse = z.object({
  id: Uuid,
  respondentNo: z.string(),
  residentId: Uuid.nullable(),
  areaId: Uuid.nullable(),
  areaName: z.string().nullable(),
  sex: z.enum(['1', '2']).nullable(),
  age: z.number().int().nullable(),
  answeredOn: IsoDateString.nullable(),
  mode: ResponseMode,
  answers: z.record(z.string(), z.unknown()),
  results: z.array(z.object({ key: z.string(), label: z.string(), result: Judgement, detail: z.string() })),
  enteredBy: z.string(),
  createdAt: IsoDateTime,
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

export const listInstruments = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/survey-instruments',
  summary: '使える調査票（基本チェックリスト・ニーズ調査・興味関心チェックシート）と判定の決まり',
  tag,
  access: 'tenant',
  params: TenantParams,
  response: z.object({ instruments: z.array(InstrumentInfo) }),
});

export const listSurveys = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/surveys',
  summary: '調査の一覧',
  tag,
  access: 'tenant',
  params: TenantParams,
  response: z.object({ surveys: z.array(Survey) }),
});

export const createSurvey = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/surveys',
  summary: '調査を作る（調査票と年度を選ぶ）',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: SurveyInput,
  status: 201,
  response: Survey,
});

export const getSurvey = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/surveys/{id}',
  summary: '調査の詳細（調査票と、この調査での判定の決まり）',
  tag,
  access: 'tenant',
  params: SurveyParams,
  response: z.object({ survey: Survey, instrument: InstrumentInfo }),
});

export const updateSurvey = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/surveys/{id}',
  summary: '調査の名前と判定の基準を変える（集計はすぐ新しい基準で計算されます）',
  tag,
  access: 'tenant',
  params: SurveyParams,
  body: z.object({
    title: z.string().trim().min(1).max(120).meta({ title: '調査の名前' }),
    thresholds: z.record(z.string(), z.number().int().min(0).max(20)).meta({ title: '判定の基準' }),
    version: Version,
  }),
  response: Survey,
});

export const createResponse = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/surveys/{id}/responses',
  summary: '回答を1件入力する（紙の調査票・聞き取り）',
  tag,
  access: 'tenant',
  params: SurveyParams,
  body: ResponseInput,
  status: 201,
  response: SurveyResponse,
});

export const listResponses = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/surveys/{id}/responses',
  summary: '回答の一覧（個人の回答：見た記録が残ります）',
  tag,
  access: 'tenant',
  params: SurveyParams,
  query: z.object({
    page: z.coerce.number().int().min(1).default(1),
    perPage: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({
    total: z.number().int(),
    items: z.array(SurveyResponse.omit({ answers: true })),
  }),
});

export const getResponse = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/surveys/{id}/responses/{responseId}',
  summary: '回答1件と判定（個人の回答：見た記録が残ります）',
  tag,
  access: 'tenant',
  params: ResponseParams,
  response: SurveyResponse,
});

/** Columns of an import about the respondent rather than a question; mapped like item keys. */
export const RESPONDENT_COLUMNS = [
  { key: '@respondentNo', label: '調査票番号' },
  { key: '@town', label: '町丁' },
  { key: '@area', label: '地域' },
  { key: '@sex', label: '性別' },
  { key: '@age', label: '年齢' },
  { key: '@answeredOn', label: '回答日' },
] as const;

export const deleteResponse = endpoint({
  method: 'delete',
  path: '/api/t/{tenant}/surveys/{id}/responses/{responseId}',
  summary: '回答を1件取り消す（入力の誤りを直すとき。取り消した記録が残ります）',
  tag,
  access: 'tenant',
  params: ResponseParams,
  response: Ok,
});

export const ImportColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  itemKey: z.string().nullable(),
});

export const SurveyImportPreview = z.object({
  id: Uuid,
  fileName: z.string(),
  encoding: z.string(),
  headerRows: z.number().int(),
  rowCount: z.number().int(),
  columns: z.array(ImportColumn),
  /** Item keys of the questionnaire that no column is mapped to. */
  unmapped: z.array(z.string()),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  errorCount: z.number().int(),
  canCommit: z.boolean(),
  status: z.enum(['previewed', 'committed']),
});
export type SurveyImportPreview = z.infer<typeof SurveyImportPreview>;

export const previewSurveyImport = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/surveys/{id}/imports',
  summary: '回答ファイル（CSV・xlsx）を読み込んで確認する（まだ保存しません）',
  description:
    '見出しが2行（「問2」と「(1)」のような形）の表も読めます。列と設問の対応は見出しから推測し、あとで変えられます。',
  tag,
  access: 'tenant',
  params: SurveyParams,
  query: z.object({
    fileName: z.string().min(1).max(200).meta({ title: 'ファイル名' }),
    headerRows: z.enum(['auto', '1', '2']).default('auto').meta({ title: '見出しの行数' }),
  }),
  bodyKind: 'binary',
  body: z.instanceof(Uint8Array),
  status: 201,
  response: SurveyImportPreview,
});

export const remapSurveyImport = endpoint({
  method: 'put',
  path: '/api/t/{tenant}/surveys/{id}/imports/{importId}/mapping',
  summary: '列と設問の対応を変えて確認し直す',
  tag,
  access: 'tenant',
  params: ImportParams,
  body: z.object({
    headerRows: z.union([z.literal(1), z.literal(2)]).meta({ title: '見出しの行数' }),
    /** Column index (as text) → item key, or '' for a column to leave out. */
    columns: z.record(z.string(), z.string()).meta({ title: '列の対応' }),
  }),
  response: SurveyImportPreview,
});

export const commitSurveyImport = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/surveys/{id}/imports/{importId}/commit',
  summary: '確認した回答をすべて保存する（1件でも誤りがあれば何も保存しません）',
  tag,
  access: 'tenant',
  params: ImportParams,
  response: z.object({ added: z.number().int() }),
});

const RuleCells = z.object({
  key: z.string(),
  hits: Cell,
  known: Cell,
  undetermined: z.number().int().nullable(),
  rate: Cell,
});

export const SurveyResults = z.object({
  survey: Survey,
  respondents: z.number().int(),
  /** True when cells with fewer than 5 people are hidden for this viewer (everyone but 保険者職員). */
  suppressed: z.boolean(),
  rules: z.array(RuleInfo),
  overall: z.array(RuleCells),
  byArea: z.array(
    z.object({ areaId: Uuid.nullable(), areaName: z.string(), respondents: Cell, rules: z.array(RuleCells) }),
  ),
  byBand: z.array(
    z.object({ band: z.string(), sex: z.string(), respondents: Cell, rules: z.array(RuleCells) }),
  ),
  questions: z.array(
    z.object({
      itemKey: z.string(),
      label: z.string(),
      options: z.array(z.object({ code: z.string(), label: z.string(), count: Cell })),
      unanswered: Cell,
    }),
  ),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const surveyResults = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/surveys/{id}/results',
  summary: '集計：判定ごとの該当割合（地域別・年齢層×性別）と設問ごとの回答分布',
  description: '保険者職員以外には、5人未満のマスは表示しません。',
  tag,
  access: 'tenant',
  params: SurveyParams,
  query: z.object({ layer: z.enum(['2', '3']).default('2').meta({ title: '層' }) }),
  response: SurveyResults,
});

export const exportSurveyResults = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/surveys/{id}/results/export',
  summary: '集計を書き出す（xlsx・PDF）',
  tag,
  access: 'tenant',
  params: SurveyParams,
  query: z.object({
    layer: z.enum(['2', '3']).default('2').meta({ title: '層' }),
    format: z.enum(['xlsx', 'pdf']).meta({ title: '形式' }),
  }),
  response: FileResponse,
  responseKind: 'file',
});

import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { RuleInfo, Survey, SurveyInput, SurveyResponse } from '../../../contracts/surveys';
import { decodeAnswers, encodeAnswers } from '../../../domain/answer-vector';
import { areaForAddress } from '../../../domain/areas';
import { todayInTokyo } from '../../../domain/dates';
import type { RiskRule } from '../../../domain/needs-survey';
import { type Answers, validateAnswers } from '../../../domain/questionnaire';
import {
  conditionText,
  INSTRUMENTS,
  type Instrument,
  type InstrumentKey,
  judge,
  rulesFor,
  tallies,
} from '../../../domain/survey-instruments';
import { recordAudit } from '../../core/audit';
import { actorLabel, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound, validationFailed } from '../../core/errors';
import { type AreaRow, tenantAreas } from '../areas';
import { assertResidentVisible, registerResidentLinks } from '../residents';
import { surveysPolicy } from './surveys.policy';
import { type SurveyResponseRow, type SurveyRow, surveyResponses, surveys } from './surveys.tables';

export function instrumentOf(row: SurveyRow): Instrument {
  return INSTRUMENTS[row.instrument as InstrumentKey];
}

export function surveyRules(row: SurveyRow): RiskRule[] {
  return rulesFor(instrumentOf(row), row.thresholds as Record<string, number>);
}

export function ruleInfo(rule: RiskRule, base?: RiskRule): RuleInfo {
  return {
    key: rule.key,
    label: rule.label,
    meaning: rule.meaning,
    status: rule.status,
    source: rule.source,
    note: rule.note ?? '',
    condition: conditionText(rule),
    threshold: 'threshold' in rule ? rule.threshold : null,
    overridden: base
      ? JSON.stringify(base) !== JSON.stringify({ ...rule, overridden: base.overridden })
      : false,
  };
}

export function instrumentInfo(instrument: Instrument, rules: readonly RiskRule[] = instrument.rules) {
  const d = instrument.definition;
  const infos = rules.map((r) =>
    ruleInfo(
      r,
      instrument.rules.find((b) => b.key === r.key),
    ),
  );
  if (instrument.summary)
    infos.push({
      key: instrument.summary.key,
      label: instrument.summary.label,
      meaning: 'risk',
      status: 'verified',
      source: '平成27年厚生労働省告示第197号',
      note: '',
      condition: '基準①〜⑦のいずれかに該当',
      threshold: null,
      overridden: false,
    });
  return {
    key: instrument.key,
    version: d.version,
    title: d.title,
    source: d.source,
    confidence: d.confidence,
    note: d.note ?? '',
    definition: d,
    rules: infos,
  };
}

export async function listInstruments(ctx: TenantContext) {
  surveysPolicy.read(ctx);
  return { instruments: Object.values(INSTRUMENTS).map((i) => instrumentInfo(i)) };
}

export function toSurvey(row: SurveyRow, responses: number): Survey {
  return {
    id: row.id,
    title: row.title,
    instrument: row.instrument as InstrumentKey,
    instrumentVersion: row.instrumentVersion,
    instrumentTitle: instrumentOf(row).definition.title,
    fiscalYear: row.fiscalYear,
    thresholds: row.thresholds as Record<string, number>,
    responses,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

async function responseCount(ctx: TenantContext, id: string) {
  const [r] = await ctx.db
    .select({ n: count() })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.tenantId, ctx.tenantId), eq(surveyResponses.surveyId, id)));
  return r?.n ?? 0;
}

export async function findSurvey(ctx: TenantContext, id: string): Promise<SurveyRow> {
  const [row] = await ctx.db
    .select()
    .from(surveys)
    .where(and(eq(surveys.tenantId, ctx.tenantId), eq(surveys.id, id)));
  if (!row) throw notFound('調査');
  return row;
}

export async function listSurveys(ctx: TenantContext) {
  surveysPolicy.read(ctx);
  const rows = await ctx.db
    .select({ s: surveys, n: count(surveyResponses.id) })
    .from(surveys)
    .leftJoin(
      surveyResponses,
      and(eq(surveyResponses.tenantId, surveys.tenantId), eq(surveyResponses.surveyId, surveys.id)),
    )
    .where(eq(surveys.tenantId, ctx.tenantId))
    .groupBy(surveys.tenantId, surveys.id)
    .orderBy(desc(surveys.fiscalYear), desc(surveys.createdAt));
  return { surveys: rows.map((r) => toSurvey(r.s, r.n)) };
}

/** Threshold changes must name rules of the instrument; checked with the rule engine itself. */
function checkThresholds(instrument: Instrument, thresholds: Record<string, number>) {
  for (const key of Object.keys(thresholds)) {
    const rule = instrument.rules.find((r) => r.key === key);
    if (!rule)
      throw fieldError(`thresholds.${key}`, `判定の基準：「${key}」という判定はこの調査票にありません。`);
    if (thresholds[key]! > rule.items.length)
      throw fieldError(
        `thresholds.${key}`,
        `判定の基準：「${rule.label}」は${rule.items.length}項目なので、${rule.items.length}以下の数にしてください。`,
      );
  }
}

export async function createSurvey(ctx: TenantContext, input: z.output<typeof SurveyInput>): Promise<Survey> {
  surveysPolicy.manage(ctx);
  const instrument = INSTRUMENTS[input.instrument];
  checkThresholds(instrument, input.thresholds);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(surveys)
      .values({
        tenantId: tx.tenantId,
        id: crypto.randomUUID(),
        title: input.title,
        instrument: input.instrument,
        instrumentVersion: instrument.definition.version,
        fiscalYear: input.fiscalYear,
        thresholds: input.thresholds,
        createdBy: actorLabel(tx.actor),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'survey',
      entityId: row!.id,
      action: 'create',
      detail: { title: input.title },
    });
    return toSurvey(row!, 0);
  });
}

export async function getSurvey(ctx: TenantContext, id: string) {
  surveysPolicy.read(ctx);
  const row = await findSurvey(ctx, id);
  return {
    survey: toSurvey(row, await responseCount(ctx, id)),
    instrument: instrumentInfo(instrumentOf(row), surveyRules(row)),
  };
}

export async function updateSurvey(
  ctx: TenantContext,
  id: string,
  input: { title: string; thresholds: Record<string, number>; version: number },
): Promise<Survey> {
  surveysPolicy.manage(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await findSurvey(tx, id);
    checkThresholds(instrumentOf(before), input.thresholds);
    const [row] = await tx.db
      .update(surveys)
      .set({
        title: input.title,
        thresholds: input.thresholds,
        version: input.version + 1,
        updatedAt: tx.now(),
      })
      .where(and(eq(surveys.tenantId, tx.tenantId), eq(surveys.id, id), eq(surveys.version, input.version)))
      .returning();
    const n = await responseCount(tx, id);
    if (!row) throw conflict(toSurvey(before, n));
    await recordAudit(tx, {
      entity: 'survey',
      entityId: id,
      action: 'update',
      detail: { thresholds: { from: before.thresholds, to: input.thresholds } },
    });
    return toSurvey(row, n);
  });
}

/** Respondent attributes from the answers when the questionnaire asks them (ニーズ調査: sex, age). */
export function attributes(answers: Answers, sex: '1' | '2' | null, age: number | null) {
  const s = answers.sex;
  const a = answers.age;
  return {
    sex: sex ?? (s === '1' || s === '2' ? s : null),
    age: age ?? (typeof a === 'number' ? a : null),
  };
}

function toResponse(row: SurveyResponseRow, survey: SurveyRow, all: readonly AreaRow[]): SurveyResponse {
  const answers = decodeAnswers(instrumentOf(survey).definition, row.answers);
  return {
    id: row.id,
    respondentNo: row.respondentNo,
    residentId: row.residentId,
    areaId: row.areaId,
    areaName: all.find((a) => a.id === row.areaId)?.name ?? null,
    sex: (row.sex as '1' | '2' | null) ?? null,
    age: row.age,
    answeredOn: row.answeredOn,
    mode: row.mode as SurveyResponse['mode'],
    answers: answers as Record<string, unknown>,
    results: judge(instrumentOf(survey), surveyRules(survey), answers),
    enteredBy: row.enteredBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Validation errors of answers, as field errors that name the question. */
export function answerErrors(instrument: Instrument, answers: Record<string, unknown>) {
  const v = validateAnswers(instrument.definition, answers);
  if (v.ok) return { answers: v.answers, errors: [] as { path: string; message: string }[] };
  return {
    answers: null,
    errors: v.errors.map((e) => ({ path: `answers.${e.itemKey}`, message: e.message })),
  };
}

export async function createResponse(
  ctx: TenantContext,
  surveyId: string,
  input: {
    respondentNo: string;
    residentId: string | null;
    areaId: string | null;
    townName: string;
    sex: '1' | '2' | null;
    age: number | null;
    answeredOn: string | null;
    mode: 'paper' | 'interview' | 'import';
    answers: Record<string, unknown>;
  },
): Promise<SurveyResponse> {
  const all = await tenantAreas(ctx);
  const scope = surveysPolicy.answers(ctx, all);
  const survey = await findSurvey(ctx, surveyId);
  const instrument = instrumentOf(survey);
  const { answers, errors } = answerErrors(instrument, input.answers);
  if (!answers) throw validationFailed(errors, errors[0]!.message);
  if (input.areaId && !all.some((a) => a.id === input.areaId))
    throw fieldError('areaId', '地域：見つかりません。');
  if (input.residentId) await assertResidentVisible(ctx, input.residentId);
  if (input.answeredOn && input.answeredOn > todayInTokyo(ctx.now()))
    throw fieldError('answeredOn', '回答日：今日より後の日付は入力できません。');
  const areaId = input.areaId ?? areaForAddress(input.townName, all)?.id ?? null;
  if (input.townName && !areaId)
    throw fieldError('townName', `町丁：「${input.townName}」はどの地域にも登録されていません。`);
  if (scope !== 'all' && !areaId)
    throw fieldError('areaId', '地域：担当の地域のうち、どこの方の回答かを選んでください。');
  surveysPolicy.placeAnswer(scope, areaId);
  const { sex, age } = attributes(answers, input.sex, input.age);
  return inTransaction(ctx, async (tx) => {
    if (input.respondentNo) {
      const [dup] = await tx.db
        .select({ id: surveyResponses.id })
        .from(surveyResponses)
        .where(
          and(
            eq(surveyResponses.tenantId, tx.tenantId),
            eq(surveyResponses.surveyId, surveyId),
            eq(surveyResponses.respondentNo, input.respondentNo),
          ),
        );
      if (dup)
        throw fieldError('respondentNo', `調査票番号：「${input.respondentNo}」はもう入力されています。`);
    }
    const [row] = await tx.db
      .insert(surveyResponses)
      .values({
        tenantId: tx.tenantId,
        id: crypto.randomUUID(),
        surveyId,
        respondentNo: input.respondentNo,
        residentId: input.residentId,
        areaId,
        sex,
        age,
        answeredOn: input.answeredOn,
        mode: input.mode,
        answers: encodeAnswers(instrument.definition, answers) as string[],
        tallies: tallies(instrument, answers),
        enteredBy: actorLabel(tx.actor),
        createdAt: tx.now(),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'survey_response',
      entityId: row!.id,
      action: 'create',
      detail: { surveyId, mode: input.mode },
    });
    return toResponse(row!, survey, all);
  });
}

export async function listResponses(
  ctx: TenantContext,
  surveyId: string,
  q: { page: number; perPage: number },
) {
  const all = await tenantAreas(ctx);
  const scope = surveysPolicy.answers(ctx, all);
  const survey = await findSurvey(ctx, surveyId);
  // The caller's areas and the page in SQL: a survey has up to 100,000 answers.
  const where = and(
    eq(surveyResponses.tenantId, ctx.tenantId),
    eq(surveyResponses.surveyId, surveyId),
    scope === 'all' ? undefined : inArray(surveyResponses.areaId, [...scope]),
  );
  const [page, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(surveyResponses)
      .where(where)
      .orderBy(surveyResponses.respondentNo, surveyResponses.createdAt, surveyResponses.id)
      .limit(q.perPage)
      .offset((q.page - 1) * q.perPage),
    ctx.db.select({ n: count() }).from(surveyResponses).where(where),
  ]);
  await recordAudit(ctx, {
    entity: 'survey_response',
    action: 'list',
    detail: { surveyId, shown: page.length },
  });
  return {
    total: total?.n ?? 0,
    items: page.map((r) => {
      const { answers: _answers, ...rest } = toResponse(r, survey, all);
      return rest;
    }),
  };
}

export async function getResponse(ctx: TenantContext, surveyId: string, responseId: string) {
  const all = await tenantAreas(ctx);
  const scope = surveysPolicy.answers(ctx, all);
  const survey = await findSurvey(ctx, surveyId);
  const [row] = await ctx.db
    .select()
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.tenantId, ctx.tenantId),
        eq(surveyResponses.surveyId, surveyId),
        eq(surveyResponses.id, responseId),
      ),
    );
  if (!row || (scope !== 'all' && (!row.areaId || !scope.has(row.areaId)))) throw notFound('回答');
  await recordAudit(ctx, { entity: 'survey_response', entityId: responseId, action: 'read' });
  return toResponse(row, survey, all);
}

/** Takes back one answer sheet (a typing mistake); who did it stays in the audit log. */
export async function deleteResponse(ctx: TenantContext, surveyId: string, responseId: string) {
  const all = await tenantAreas(ctx);
  const scope = surveysPolicy.answers(ctx, all);
  await findSurvey(ctx, surveyId);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({ areaId: surveyResponses.areaId, respondentNo: surveyResponses.respondentNo })
      .from(surveyResponses)
      .where(
        and(
          eq(surveyResponses.tenantId, tx.tenantId),
          eq(surveyResponses.surveyId, surveyId),
          eq(surveyResponses.id, responseId),
        ),
      );
    if (!row) throw notFound('回答');
    surveysPolicy.placeAnswer(scope, row.areaId);
    await tx.db
      .delete(surveyResponses)
      .where(and(eq(surveyResponses.tenantId, tx.tenantId), eq(surveyResponses.id, responseId)));
    await recordAudit(tx, {
      entity: 'survey_response',
      entityId: responseId,
      action: 'delete',
      detail: { surveyId, respondentNo: row.respondentNo },
    });
    return { ok: true as const };
  });
}

// Answers linked to a resident stay (anonymous) when the resident is erased: the link goes by the
// foreign key; the export on request includes them.
registerResidentLinks({
  openCounts: async () => new Map(),
  async beforeErase(ctx, id) {
    const rows = await ctx.db
      .update(surveyResponses)
      .set({ residentId: null })
      .where(and(eq(surveyResponses.tenantId, ctx.tenantId), eq(surveyResponses.residentId, id)))
      .returning({ id: surveyResponses.id });
    return rows.length;
  },
  async exportOf(ctx, id) {
    const rows = await ctx.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.tenantId, ctx.tenantId), eq(surveyResponses.residentId, id)));
    return {
      surveyAnswers: rows.map((r) => ({
        surveyId: r.surveyId,
        answeredOn: r.answeredOn,
        answers: r.answers,
      })),
    };
  },
});

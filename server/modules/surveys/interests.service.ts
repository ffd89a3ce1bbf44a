import { and, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import { decodeAnswers } from '../../../domain/answer-vector';
import { type Interest, markedActivities } from '../../../domain/interest-checksheet';
import { INSTRUMENTS } from '../../../domain/survey-instruments';
import { recordAudit } from '../../core/audit';
import type { TenantContext } from '../../core/context';
import { tenantAreas } from '../areas';
import { surveysPolicy } from './surveys.policy';
import { surveyResponses, surveys } from './surveys.tables';

/** 興味・関心チェックシート answers of the residents `whose` picks, newest first. */
function interestSheets(ctx: TenantContext, whose: SQL) {
  return ctx.db
    .select({
      id: surveyResponses.id,
      residentId: surveyResponses.residentId,
      answers: surveyResponses.answers,
      answeredOn: surveyResponses.answeredOn,
    })
    .from(surveyResponses)
    .innerJoin(
      surveys,
      and(eq(surveys.tenantId, surveyResponses.tenantId), eq(surveys.id, surveyResponses.surveyId)),
    )
    .where(
      and(eq(surveyResponses.tenantId, ctx.tenantId), whose, eq(surveys.instrument, 'interest-checksheet')),
    )
    .orderBy(desc(surveyResponses.answeredOn), desc(surveyResponses.createdAt));
}

/**
 * A resident's latest 興味・関心チェックシート, as the activities marked (している = experience,
 * してみたい / 興味がある = wishes), for matching. Answers are 要配慮個人情報: the caller must be
 * allowed to read the person's answers, and the read is audited.
 */
export async function latestInterests(
  ctx: TenantContext,
  residentId: string,
): Promise<{ answeredOn: string | null; activities: Interest[] } | null> {
  surveysPolicy.answers(ctx, await tenantAreas(ctx));
  const [row] = await interestSheets(ctx, eq(surveyResponses.residentId, residentId)).limit(1);
  if (!row) return null;
  await recordAudit(ctx, {
    entity: 'survey_response',
    entityId: row.id,
    action: 'read',
    detail: { for: 'matching' },
  });
  const answers = decodeAnswers(INSTRUMENTS['interest-checksheet'].definition, row.answers);
  return { answeredOn: row.answeredOn, activities: markedActivities(answers) };
}

/**
 * Residents whose latest 興味・関心チェックシート marks one of `keys` (an opening's activities), with
 * those marks: who might take up a 就労的活動. Only residents linked to their answers count; the
 * caller filters by what it may see. The read is audited as one listing.
 */
export async function residentsInterestedIn(
  ctx: TenantContext,
  keys: readonly string[],
): Promise<{ residentId: string; answeredOn: string | null; activities: Interest[] }[]> {
  surveysPolicy.answers(ctx, await tenantAreas(ctx));
  if (keys.length === 0) return [];
  const rows = await interestSheets(ctx, isNotNull(surveyResponses.residentId));
  const wanted = new Set(keys);
  const seen = new Set<string>();
  const out: { residentId: string; answeredOn: string | null; activities: Interest[] }[] = [];
  const def = INSTRUMENTS['interest-checksheet'].definition;
  for (const r of rows) {
    // Newest first: a person's older sheets are superseded by the latest.
    if (seen.has(r.residentId!)) continue;
    seen.add(r.residentId!);
    const hits = markedActivities(decodeAnswers(def, r.answers)).filter((a) => wanted.has(a.key));
    if (hits.length > 0) out.push({ residentId: r.residentId!, answeredOn: r.answeredOn, activities: hits });
  }
  await recordAudit(ctx, {
    entity: 'survey_response',
    action: 'list',
    detail: { for: 'matching', shown: out.length },
  });
  return out;
}

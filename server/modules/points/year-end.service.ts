import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange, todayInTokyo } from '../../../domain/dates';
import { pointsToYen, yearEndRedeemable } from '../../../domain/points';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError } from '../../core/errors';
import { helpersByIds } from '../helpers';
import { lockScheme, memberAccountIds, memberYears, post, systemAccount } from './ledger.service';
import { pointsPolicy } from './points.policy';
import { findScheme, rulesOf } from './points.service';
import { type PointSchemeRow, pointEntries, pointTransactions, pointYearEnds } from './points.tables';

/*
 * 年度末の交換: for a 年度, every member's redeemable points (what stood on the account at the end
 * of the 年度, within the yearly redemption cap), previewed, then posted in one database
 * transaction — all members or none — with the payment list as xlsx.
 */

interface YearEndRow {
  helperId: string;
  name: string;
  kana: string;
  points: number;
  yen: number;
}

/** Members' points as rows of the list: names from the 人材バンク, the yen, in よみがな order. */
async function namedRows(
  ctx: TenantContext,
  scheme: PointSchemeRow,
  due: { helperId: string; points: number }[],
): Promise<YearEndRow[]> {
  const rules = rulesOf(scheme);
  const people = await helpersByIds(
    ctx,
    due.map((r) => r.helperId),
  );
  return due
    .map((r) => {
      const h = people.get(r.helperId);
      return {
        helperId: r.helperId,
        name: h?.name ?? '',
        kana: h?.kana ?? '',
        points: r.points,
        yen: pointsToYen(r.points, rules.yenPerPoint),
      };
    })
    .sort(
      (a, b) =>
        (a.kana || a.name).localeCompare(b.kana || b.name, 'ja') || a.helperId.localeCompare(b.helperId),
    );
}

async function computeRows(ctx: TenantContext, scheme: PointSchemeRow, fy: number): Promise<YearEndRow[]> {
  const years = await memberYears(ctx, scheme.id, fy);
  const due = [...years.values()]
    .map((y) => ({
      helperId: y.helperId,
      points: yearEndRedeemable({
        balanceAtYearEnd: y.balanceAtYearEnd,
        balanceNow: y.balance,
        redeemedThisYear: y.redeemed,
        cap: scheme.yearlyRedemptionCap,
      }),
    }))
    .filter((r) => r.points > 0);
  return namedRows(ctx, scheme, due);
}

/** The run's own rows, as posted (the member side of each of its transactions). */
async function postedRows(
  ctx: TenantContext,
  scheme: PointSchemeRow,
  yearEndId: string,
): Promise<YearEndRow[]> {
  const rows = await ctx.db
    .select({ helperId: pointTransactions.helperId, amount: pointEntries.amount })
    .from(pointTransactions)
    .innerJoin(
      pointEntries,
      and(
        eq(pointEntries.tenantId, pointTransactions.tenantId),
        eq(pointEntries.transactionId, pointTransactions.id),
      ),
    )
    .where(and(eq(pointTransactions.tenantId, ctx.tenantId), eq(pointTransactions.yearEndId, yearEndId)));
  const members = rows.filter((r) => r.amount < 0);
  return namedRows(
    ctx,
    scheme,
    members.map((r) => ({ helperId: r.helperId, points: -r.amount })),
  );
}

async function findRun(ctx: TenantContext, schemeId: string, fy: number) {
  const [run] = await ctx.db
    .select()
    .from(pointYearEnds)
    .where(
      and(
        eq(pointYearEnds.tenantId, ctx.tenantId),
        eq(pointYearEnds.schemeId, schemeId),
        eq(pointYearEnds.fiscalYear, fy),
      ),
    );
  return run;
}

function checkYear(ctx: TenantContext, fy: number, field: string) {
  if (fy > fiscalYearOf(todayInTokyo(ctx.now())))
    throw fieldError(field, `年度：${fiscalYearLabel(fy)}はまだ始まっていません。`);
}

function shape(
  fy: number,
  rows: YearEndRow[],
  posted: { at: Date; by: string; members: number; points: number } | null,
) {
  return {
    fiscalYear: fy,
    posted: posted ? { ...posted, at: posted.at.toISOString() } : null,
    rows,
    totalPoints: rows.reduce((s, r) => s + r.points, 0),
    totalYen: rows.reduce((s, r) => s + r.yen, 0),
  };
}

async function yearEnd(ctx: TenantContext, schemeId: string, fy: number) {
  const scheme = await findScheme(ctx, schemeId);
  const run = await findRun(ctx, schemeId, fy);
  if (run)
    return {
      scheme,
      data: shape(fy, await postedRows(ctx, scheme, run.id), {
        at: run.postedAt,
        by: run.postedBy,
        members: run.members,
        points: run.points,
      }),
    };
  return { scheme, data: shape(fy, await computeRows(ctx, scheme, fy), null) };
}

export async function previewYearEnd(ctx: TenantContext, schemeId: string, fy: number) {
  pointsPolicy.manage(ctx);
  checkYear(ctx, fy, 'fy');
  const { data } = await yearEnd(ctx, schemeId, fy);
  await recordAudit(ctx, {
    entity: 'point_year_end',
    action: 'read',
    detail: { scheme: schemeId, fiscalYear: fy },
  });
  return data;
}

export async function postYearEnd(
  ctx: TenantContext,
  schemeId: string,
  body: { fiscalYear: number; expectedPoints: number },
) {
  pointsPolicy.manage(ctx);
  const fy = body.fiscalYear;
  checkYear(ctx, fy, 'fiscalYear');
  return inTransaction(ctx, async (tx) => {
    const scheme = await findScheme(tx, schemeId);
    await lockScheme(tx, schemeId);
    const done = await findRun(tx, schemeId, fy);
    if (done)
      throw fieldError(
        'fiscalYear',
        `${fiscalYearLabel(fy)}の年度末の交換は、${done.postedBy}さんが記録済みです。`,
      );
    const rows = await computeRows(tx, scheme, fy);
    const total = rows.reduce((s, r) => s + r.points, 0);
    if (total !== body.expectedPoints)
      throw conflict(
        shape(fy, rows, null),
        '確認した後にポイントが変わりました（活動の確認や交換がありました）。一覧を確かめてから、もう一度記録してください。',
      );
    if (rows.length === 0) throw fieldError('fiscalYear', '交換できるポイントのある会員がいません。');
    const today = todayInTokyo(tx.now());
    // Dated the end of the 年度 when run after it, today when run before it ends.
    const on = [today, fiscalYearRange(fy).end].sort()[0]!;
    const runId = crypto.randomUUID();
    const redemption = await systemAccount(tx, schemeId, 'redemption');
    // The rows come from memberYears, which reads opened member accounts only: one read finds them all.
    const accounts = await memberAccountIds(tx, schemeId);
    await tx.db.insert(pointYearEnds).values({
      tenantId: tx.tenantId,
      id: runId,
      schemeId,
      fiscalYear: fy,
      members: rows.length,
      points: total,
      yen: rows.reduce((s, r) => s + r.yen, 0),
      postedBy: actorDisplayName(tx.actor),
      postedAt: tx.now(),
    });
    const rules = rulesOf(scheme);
    await post(
      tx,
      rows.map((r) => ({
        schemeId,
        kind: 'year_end' as const,
        on,
        fiscalYear: fy,
        description: `${fiscalYearLabel(fy)} 年度末の交換${rules.yenPerPoint > 0 ? `（${r.yen.toLocaleString('ja-JP')}円）` : ''}`,
        helperId: r.helperId,
        yearEndId: runId,
        lines: [
          { accountId: accounts.get(r.helperId)!, amount: -r.points },
          { accountId: redemption.id, amount: r.points },
        ],
      })),
    );
    await recordAudit(tx, {
      entity: 'point_year_end',
      entityId: runId,
      action: 'post',
      detail: { scheme: schemeId, fiscalYear: fy, members: rows.length, points: total },
    });
    return shape(fy, rows, {
      at: tx.now(),
      by: actorDisplayName(tx.actor),
      members: rows.length,
      points: total,
    });
  });
}

/** The payment list: 氏名・よみがな・ポイント・金額, with the total. */
export async function exportYearEnd(ctx: TenantContext, schemeId: string, fy: number) {
  pointsPolicy.manage(ctx);
  checkYear(ctx, fy, 'fy');
  const { scheme, data } = await yearEnd(ctx, schemeId, fy);
  await recordAudit(ctx, {
    entity: 'point_year_end',
    action: 'export',
    detail: { scheme: schemeId, fiscalYear: fy },
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ささえあい';
  const ws = wb.addWorksheet('支払い一覧');
  ws.addRow([`${scheme.name} ${fiscalYearLabel(fy)} 年度末の交換　支払い一覧`]).font = { bold: true };
  ws.addRow([
    data.posted
      ? `記録：${data.posted.at.slice(0, 10)}（${data.posted.by}）`
      : '確認用（まだ記録していません。記録すると金額が確定します）',
  ]);
  ws.addRow([]);
  ws.addRow(['番号', '氏名', 'よみがな', 'ポイント', '金額（円）']).font = { bold: true };
  for (const [i, r] of data.rows.entries()) ws.addRow([i + 1, r.name, r.kana, r.points, r.yen]);
  ws.addRow(['', '合計', `${data.rows.length}人`, data.totalPoints, data.totalYen]).font = { bold: true };
  ws.getColumn(2).width = 18;
  ws.getColumn(3).width = 22;
  ws.getColumn(4).numFmt = '#,##0';
  ws.getColumn(5).numFmt = '#,##0';
  const body = new Uint8Array(await wb.xlsx.writeBuffer());
  return {
    fileName: `point-year-end-${fy}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

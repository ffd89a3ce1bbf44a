import { and, asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { StatementLine } from '../../../contracts/points';
import {
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  formatWareki,
  todayInTokyo,
} from '../../../domain/dates';
import {
  checkRedemption,
  formatYen,
  type PointTransactionKind,
  pointsToYen,
  pointTransactionKindLabel,
  redeemableNow,
  reversalLines,
  withRunningBalance,
} from '../../../domain/points';
import { toHiragana } from '../../../domain/search-text';
import { recordAudit } from '../../core/audit';
import { inTransaction, type TenantContext } from '../../core/context';
import { fieldError, notFound } from '../../core/errors';
import { tenantAreas } from '../areas';
import { helpersByIds } from '../helpers';
import { printReport } from '../print';
import {
  correctable,
  findMemberAccount,
  findTransaction,
  lockScheme,
  memberAccount,
  memberBalance,
  memberYear,
  memberYears,
  post,
  systemAccount,
} from './ledger.service';
import { pointsPolicy } from './points.policy';
import { findScheme, rulesOf } from './points.service';
import { pointActivities, pointEntries, pointTransactions } from './points.tables';

type Row = Record<string, unknown>;
const rowsOf = (r: unknown): Row[] => (r as { rows: Row[] }).rows;
const num = (v: unknown) => Number(v ?? 0);
const thisYear = (ctx: TenantContext) => fiscalYearOf(todayInTokyo(ctx.now()));

/** 年度 totals without names: what 協議体委員 and 閲覧者 may see. */
export async function pointSummary(ctx: TenantContext, schemeId: string, fy?: number) {
  pointsPolicy.aggregate(ctx);
  await findScheme(ctx, schemeId);
  const fiscalYear = fy ?? thisYear(ctx);
  const { start, end } = fiscalYearRange(fiscalYear);
  const [ledger] = rowsOf(
    await ctx.db.execute(sql`
      select
        coalesce(sum(e.amount), 0) as total,
        coalesce(sum(e.amount) filter (where a.kind = 'member'), 0) as outstanding,
        coalesce(sum(e.amount) filter (where a.kind = 'member' and t.fiscal_year = ${fiscalYear}
          and coalesce(r.kind, t.kind) = 'activity'), 0) as awarded,
        coalesce(-sum(e.amount) filter (where a.kind = 'member' and t.fiscal_year = ${fiscalYear}
          and coalesce(r.kind, t.kind) in ('redemption', 'year_end')), 0) as redeemed,
        count(distinct a.helper_id) filter (where a.kind = 'member' and t.fiscal_year = ${fiscalYear}
          and t.kind = 'activity') as members
      from point_entries e
      join point_accounts a on a.tenant_id = e.tenant_id and a.id = e.account_id
      join point_transactions t on t.tenant_id = e.tenant_id and t.id = e.transaction_id
      left join point_transactions r on r.tenant_id = t.tenant_id and r.id = t.reverses
      where e.tenant_id = ${ctx.tenantId} and a.scheme_id = ${schemeId}`),
  );
  const [acts] = rowsOf(
    await ctx.db.execute(sql`
      select count(*) filter (where status = 'confirmed') as confirmed,
        count(*) filter (where status = 'pending') as pending,
        coalesce(sum(minutes) filter (where status = 'confirmed'), 0) as minutes
      from point_activities
      where tenant_id = ${ctx.tenantId} and scheme_id = ${schemeId} and "on" between ${start} and ${end}`),
  );
  return {
    fiscalYear,
    members: num(ledger?.members),
    activities: num(acts?.confirmed),
    pending: num(acts?.pending),
    minutes: num(acts?.minutes),
    awarded: num(ledger?.awarded),
    redeemed: num(ledger?.redeemed),
    outstanding: num(ledger?.outstanding),
    ledgerTotal: num(ledger?.total),
  };
}

/** Every member with an account or a pending activity, with balance and the 年度's figures. */
export async function listBalances(ctx: TenantContext, schemeId: string, q: { fy?: number; q?: string }) {
  const all = await tenantAreas(ctx);
  const scope = pointsPolicy.members(ctx, all);
  await findScheme(ctx, schemeId);
  const fiscalYear = q.fy ?? thisYear(ctx);
  const years = await memberYears(ctx, schemeId, fiscalYear);
  const pendingRows = await ctx.db
    .select({
      helperId: pointActivities.helperId,
      points: sql<number>`sum(${pointActivities.requestedPoints})::int`,
    })
    .from(pointActivities)
    .where(
      and(
        eq(pointActivities.tenantId, ctx.tenantId),
        eq(pointActivities.schemeId, schemeId),
        eq(pointActivities.status, 'pending'),
      ),
    )
    .groupBy(pointActivities.helperId);
  const pending = new Map(pendingRows.map((r) => [r.helperId, num(r.points)]));
  const people = await helpersByIds(ctx, [...years.keys(), ...pending.keys()]);
  const folded = q.q ? toHiragana(q.q.normalize('NFKC')) : '';
  const items = [...people.values()]
    .filter((h) => !q.q || h.name.includes(q.q) || h.kana.includes(folded))
    .map((h) => {
      const y = years.get(h.id);
      return {
        helperId: h.id,
        name: h.name,
        kana: h.kana,
        homeAreaName: all.find((a) => a.id === h.homeAreaId)?.name ?? null,
        balance: y?.balance ?? 0,
        earnedThisYear: y?.earned ?? 0,
        redeemedThisYear: y?.redeemed ?? 0,
        pending: pending.get(h.id) ?? 0,
        canChange: pointsPolicy.mayChange(scope, h),
      };
    })
    .sort(
      (a, b) =>
        (a.kana || a.name).localeCompare(b.kana || b.name, 'ja') || a.helperId.localeCompare(b.helperId),
    );
  await recordAudit(ctx, {
    entity: 'point_balance',
    action: 'list',
    detail: { scheme: schemeId, shown: items.length, searched: Boolean(q.q) },
  });
  return {
    fiscalYear,
    items,
    totals: {
      balance: items.reduce((s, i) => s + i.balance, 0),
      earnedThisYear: items.reduce((s, i) => s + i.earnedThisYear, 0),
    },
  };
}

/** The member of a scheme a request names: a helper of this tenant, or 404. */
async function memberOf(ctx: TenantContext, helperId: string) {
  const helper = (await helpersByIds(ctx, [helperId])).get(helperId);
  if (!helper) throw notFound('会員');
  return helper;
}

async function statementData(ctx: TenantContext, schemeId: string, helperId: string, fy: number | undefined) {
  const scope = pointsPolicy.members(ctx, await tenantAreas(ctx));
  const scheme = await findScheme(ctx, schemeId);
  const helper = await memberOf(ctx, helperId);
  const fiscalYear = fy ?? thisYear(ctx);
  const account = await findMemberAccount(ctx, schemeId, helperId);
  let opening = 0;
  let lines: StatementLine[] = [];
  if (account) {
    // Everything up to the 年度 in one read: earlier years make the opening balance, the 年度 the lines.
    const upTo = await ctx.db
      .select({
        transactionId: pointTransactions.id,
        on: pointTransactions.on,
        fiscalYear: pointTransactions.fiscalYear,
        kind: pointTransactions.kind,
        description: pointTransactions.description,
        amount: pointEntries.amount,
        recordedBy: pointTransactions.recordedBy,
        reverses: pointTransactions.reverses,
      })
      .from(pointEntries)
      .innerJoin(
        pointTransactions,
        and(
          eq(pointTransactions.tenantId, pointEntries.tenantId),
          eq(pointTransactions.id, pointEntries.transactionId),
        ),
      )
      .where(
        and(
          eq(pointEntries.tenantId, ctx.tenantId),
          eq(pointEntries.accountId, account.id),
          sql`${pointTransactions.fiscalYear} <= ${fiscalYear}`,
        ),
      )
      .orderBy(asc(pointTransactions.on), asc(pointTransactions.seq));
    opening = upTo.filter((r) => r.fiscalYear < fiscalYear).reduce((sum, r) => sum + r.amount, 0);
    const rows = upTo.filter((r) => r.fiscalYear === fiscalYear);
    const open = await correctable(
      ctx,
      rows.map((r) => r.transactionId),
    );
    lines = withRunningBalance(
      opening,
      rows.map((r) => ({
        ...r,
        kind: r.kind as PointTransactionKind,
        correctable: open.get(r.transactionId) ?? 0,
      })),
    );
  }
  const year = await memberYear(ctx, schemeId, helperId, fiscalYear);
  // The statement is usually of this 年度: its figures are then the ones redemption needs too.
  const now = thisYear(ctx);
  const current = fiscalYear === now ? year : await memberYear(ctx, schemeId, helperId, now);
  return {
    scheme,
    helper,
    statement: {
      helperId,
      name: helper.name,
      fiscalYear,
      opening,
      closing: lines.at(-1)?.balance ?? opening,
      balanceNow: year.balance,
      earnedThisYear: year.earned,
      redeemedThisYear: year.redeemed,
      redeemable: redeemableNow(current.balance, current.redeemed, scheme.yearlyRedemptionCap),
      lines,
      canChange: pointsPolicy.mayChange(scope, helper),
    },
  };
}

export async function getStatement(ctx: TenantContext, schemeId: string, helperId: string, fy?: number) {
  const { statement } = await statementData(ctx, schemeId, helperId, fy);
  await recordAudit(ctx, {
    entity: 'point_statement',
    entityId: helperId,
    action: 'read',
    detail: { scheme: schemeId, fiscalYear: statement.fiscalYear },
  });
  return statement;
}

/** The statement as xlsx (for the office) or PDF (to hand to the member). */
export async function exportStatement(
  ctx: TenantContext,
  schemeId: string,
  helperId: string,
  q: { fy?: number; format: 'xlsx' | 'pdf' },
) {
  const { scheme, statement: s } = await statementData(ctx, schemeId, helperId, q.fy);
  await recordAudit(ctx, {
    entity: 'point_statement',
    entityId: helperId,
    action: 'export',
    detail: { scheme: schemeId, fiscalYear: s.fiscalYear, format: q.format },
  });
  const today = todayInTokyo(ctx.now());
  const title = `${scheme.name} 明細　${s.name} 様`;
  const period = `${fiscalYearLabel(s.fiscalYear)}（${s.fiscalYear}年4月〜${s.fiscalYear + 1}年3月）`;
  const header = ['日付', '種類', '内容', 'ポイント', '残高'];
  const stamp = `${s.fiscalYear}`;
  const baseName = `point-statement-${stamp}-${helperId.slice(0, 8)}`;
  if (q.format === 'pdf') {
    const pdf = await printReport({
      title,
      subtitle: `${period}　前年度からの繰越 ${s.opening.toLocaleString('ja-JP')} ポイント　年度末の残高 ${s.closing.toLocaleString('ja-JP')} ポイント`,
      today,
      sections: [
        {
          heading: '明細',
          // A passbook's columns (増えた / 減った) rather than signs: easier to read out to a member.
          header: ['日付', '種類', '内容', '増えた', '減った', '残高'],
          rows: s.lines.map((l) => [
            formatWareki(l.on, { style: 'short' }),
            pointTransactionKindLabel(l.kind),
            l.description,
            l.amount > 0 ? l.amount.toLocaleString('ja-JP') : '',
            l.amount < 0 ? (-l.amount).toLocaleString('ja-JP') : '',
            l.balance.toLocaleString('ja-JP'),
          ]),
        },
      ],
    });
    return { fileName: `${baseName}.pdf`, contentType: 'application/pdf', body: new Uint8Array(pdf) };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ささえあい';
  const ws = wb.addWorksheet('明細');
  ws.addRow([title]).font = { bold: true };
  ws.addRow([period]);
  ws.addRow(['前年度からの繰越', s.opening]);
  ws.addRow([]);
  ws.addRow(header).font = { bold: true };
  for (const l of s.lines)
    ws.addRow([l.on, pointTransactionKindLabel(l.kind), l.description, l.amount, l.balance]);
  ws.addRow([]);
  ws.addRow(['年度末の残高', s.closing]).font = { bold: true };
  ws.getColumn(1).width = 14;
  ws.getColumn(3).width = 40;
  const body = new Uint8Array(await wb.xlsx.writeBuffer());
  return {
    fileName: `${baseName}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

/** A member redeems points: refused in Japanese, with nothing written, above the balance or the cap. */
export async function redeem(
  ctx: TenantContext,
  schemeId: string,
  helperId: string,
  body: { points: number; on?: string; note: string },
) {
  const scope = pointsPolicy.members(ctx, await tenantAreas(ctx));
  const scheme = await findScheme(ctx, schemeId);
  const helper = await memberOf(ctx, helperId);
  pointsPolicy.change(scope, helper);
  const today = todayInTokyo(ctx.now());
  const on = body.on ?? today;
  if (on > today) throw fieldError('on', '交換した日：今日より後の日付は入力できません。');
  return inTransaction(ctx, async (tx) => {
    await lockScheme(tx, schemeId);
    const fy = fiscalYearOf(on);
    const year = await memberYear(tx, schemeId, helperId, fy);
    const check = checkRedemption(body.points, {
      name: helper.name,
      balance: year.balance,
      redeemedThisYear: year.redeemed,
      cap: scheme.yearlyRedemptionCap,
    });
    if (!check.ok) throw fieldError('points', check.message);
    const [member, redemption] = await Promise.all([
      memberAccount(tx, schemeId, helperId),
      systemAccount(tx, schemeId, 'redemption'),
    ]);
    const rules = rulesOf(scheme);
    const worth =
      rules.yenPerPoint > 0 ? `${formatYen(pointsToYen(body.points, rules.yenPerPoint))}` : '品物';
    const [transactionId] = await post(tx, [
      {
        schemeId,
        kind: 'redemption',
        on,
        fiscalYear: fy,
        description: `ポイント交換（${worth}）${body.note ? `：${body.note}` : ''}`,
        helperId,
        lines: [
          { accountId: member.id, amount: -body.points },
          { accountId: redemption.id, amount: body.points },
        ],
      },
    ]);
    await recordAudit(tx, {
      entity: 'point_transaction',
      entityId: transactionId!,
      action: 'redeem',
      detail: { helperId, points: body.points },
    });
    return { transactionId: transactionId!, balance: await memberBalance(tx, schemeId, helperId) };
  });
}

/**
 * A correction: a new transaction that reverses all or part of an earlier one, linked to it, with
 * the reason. The original is never touched. Refused when it would take more than is left to
 * correct, or leave the member's balance below zero.
 */
export async function correct(
  ctx: TenantContext,
  transactionId: string,
  body: { points: number; reason: string },
) {
  const scope = pointsPolicy.members(ctx, await tenantAreas(ctx));
  const found = await findTransaction(ctx, transactionId);
  if (!found) throw notFound('取引');
  const { tx: original, lines } = found;
  const helper = await memberOf(ctx, original.helperId);
  pointsPolicy.change(scope, helper);
  if (original.kind === 'correction')
    throw fieldError('points', '訂正の取引はさらに訂正できません。元の取引を訂正してください。');
  return inTransaction(ctx, async (tx) => {
    await lockScheme(tx, original.schemeId);
    const left = (await correctable(tx, [transactionId])).get(transactionId) ?? 0;
    if (body.points > left)
      throw fieldError(
        'points',
        left === 0
          ? '打ち消すポイント：この取引はすでに全部打ち消されています。'
          : `打ち消すポイント：この取引で打ち消せるのはあと ${left.toLocaleString('ja-JP')} ポイントです。`,
      );
    const reversal = reversalLines(lines, body.points);
    const memberLine = reversal.find(
      (l) => lines.find((o) => o.accountId === l.accountId)?.kind === 'member',
    )!;
    const balance = await memberBalance(tx, original.schemeId, original.helperId);
    if (balance + memberLine.amount < 0)
      throw fieldError(
        'points',
        `打ち消すポイント：打ち消すと${helper.name}さんの残高がマイナスになります（今の残高 ${balance.toLocaleString('ja-JP')} ポイント）。`,
      );
    const [id] = await post(tx, [
      {
        schemeId: original.schemeId,
        kind: 'correction',
        on: todayInTokyo(tx.now()),
        // It counts for the 年度 of what it corrects, so caps and year-end figures stay right.
        fiscalYear: original.fiscalYear,
        description: `訂正：${body.reason}（${formatWareki(original.on, { style: 'short' })}の${pointTransactionKindLabel(original.kind)}）`,
        helperId: original.helperId,
        reverses: original.id,
        lines: reversal,
      },
    ]);
    await recordAudit(tx, {
      entity: 'point_transaction',
      entityId: id!,
      action: 'correct',
      detail: { reverses: original.id, points: body.points },
    });
    return { transactionId: id!, balance: await memberBalance(tx, original.schemeId, original.helperId) };
  });
}

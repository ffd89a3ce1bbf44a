import { and, eq, type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ancestorsOf } from '../../../domain/areas';
import { fiscalYearLabel, fiscalYearRange, formatWareki, todayInTokyo } from '../../../domain/dates';
import {
  type OutcomeCell,
  outcomesBy,
  type ReferralOutcomeRow,
  type ReferralStatus,
  referralTargetKindLabel,
} from '../../../domain/referrals';
import type { TenantContext } from '../../core/context';
import { tenantAreas } from '../areas';
import { tenantTerms } from '../resources';
import { matchingPolicy } from './matching.policy';
import { referrals } from './matching.tables';

/**
 * つなぎの成果 for reports and the 協議体: 成立率 (reached 利用開始) and days to start, by
 * category (top-level), by 圏域 and by kind of target, for a 年度 by the day of the proposal.
 * Counts only — no names — so every member of the town may see them.
 */
export async function referralStats(ctx: TenantContext, q: { fy?: number }) {
  matchingPolicy.stats(ctx);
  const [all, terms] = await Promise.all([tenantAreas(ctx), tenantTerms(ctx)]);
  const where: SQL[] = [eq(referrals.tenantId, ctx.tenantId)];
  if (q.fy) {
    const { start, end } = fiscalYearRange(q.fy);
    where.push(sql`${referrals.proposedOn} between ${start} and ${end}`);
  }
  const rows = await ctx.db
    .select({
      status: referrals.status,
      category: referrals.category,
      areaId: referrals.areaId,
      proposedOn: referrals.proposedOn,
      startedOn: referrals.startedOn,
      targetKind: referrals.targetKind,
      outcomeReason: referrals.outcomeReason,
    })
    .from(referrals)
    .where(and(...where));

  const topCategory = (code: string) => {
    let t = terms.find((x) => x.code === code);
    const seen = new Set<string>();
    while (t?.parentCode && !seen.has(t.code)) {
      seen.add(t.code);
      const parent = terms.find((x) => x.code === t!.parentCode);
      if (!parent) break;
      t = parent;
    }
    return t?.code ?? code;
  };
  // Report by 圏域: a 地区 counts under its 圏域; town-wide ones stand on their own.
  const region = (areaId: string) => {
    const area = all.find((a) => a.id === areaId);
    if (!area || area.layer <= 2) return areaId;
    return ancestorsOf(all, areaId).find((a) => a.layer === 2)?.id ?? areaId;
  };
  const outcomeRows = rows.map((r): ReferralOutcomeRow & { targetKind: string } => ({
    status: r.status as ReferralStatus,
    category: topCategory(r.category),
    areaId: region(r.areaId),
    proposedOn: r.proposedOn,
    startedOn: r.startedOn,
    targetKind: r.targetKind,
  }));
  const byCategory = outcomesBy(outcomeRows, (r) => r.category);
  const byArea = outcomesBy(outcomeRows, (r) => r.areaId);
  const byTarget = outcomesBy(outcomeRows, (r) => r.targetKind);
  const named = <K extends string>(groups: Map<string, OutcomeCell>, label: (k: string) => string) =>
    [...groups]
      .map(([key, cell]) => ({ key: key as K, label: label(key), ...cell }))
      .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'ja'));
  const reasons = new Map<string, number>();
  for (const r of rows)
    if (r.status === 'failed') {
      // The reason is the choice before a 「：」 note.
      const key = r.outcomeReason.split('：')[0] || '（理由なし）';
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  return {
    fiscalYear: q.fy ?? null,
    total: byCategory.total,
    byCategory: named(byCategory.groups, (k) => terms.find((t) => t.code === k)?.name ?? k),
    byArea: named(byArea.groups, (k) => all.find((a) => a.id === k)?.name ?? '（不明）'),
    byTarget: named(byTarget.groups, referralTargetKindLabel) as ({
      key: 'resource' | 'helper' | 'opportunity';
    } & {
      label: string;
    } & OutcomeCell)[],
    failureReasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, 'ja')),
  };
}

const pct = (rate: number | null) => (rate === null ? '' : Math.round(rate * 1000) / 10);

/** The same figures as an xlsx workbook for the year-end report. */
export async function exportReferralStats(ctx: TenantContext, q: { fy?: number }) {
  const s = await referralStats(ctx, q);
  const today = todayInTokyo(ctx.now());
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ささえあい';
  const ws = wb.addWorksheet('つなぎの成果');
  ws.addRow([`つなぎの成果（${s.fiscalYear ? fiscalYearLabel(s.fiscalYear) : 'すべての年度'}）`]).font = {
    bold: true,
  };
  ws.addRow([`${formatWareki(today)}現在。成立＝利用開始に至ったもの。成立率は進行中を除いて計算。`]);
  const head = [
    '区分',
    '',
    'つなぎ',
    '成立',
    '不成立',
    '進行中',
    '成立率（％）',
    '利用開始までの日数（中央値）',
  ];
  const put = (title: string, list: ({ label: string } & OutcomeCell)[]) => {
    ws.addRow([]);
    ws.addRow([title]).font = { bold: true };
    ws.addRow(head).font = { bold: true };
    for (const c of list)
      ws.addRow([
        title,
        c.label,
        c.total,
        c.established,
        c.failed,
        c.pending,
        pct(c.rate),
        c.medianDaysToStart ?? '',
      ]);
  };
  put('全体', [{ label: '合計', ...s.total }]);
  put('分類別', s.byCategory);
  put('地域別', s.byArea);
  put('つなぎ先別', s.byTarget);
  ws.addRow([]);
  ws.addRow(['不成立の理由']).font = { bold: true };
  for (const r of s.failureReasons) ws.addRow([r.reason, '', r.count]);
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 24;
  ws.getColumn(8).width = 28;
  return {
    fileName: `referral-outcomes-${s.fiscalYear ?? 'all'}-${today.replaceAll('-', '')}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: new Uint8Array(await wb.xlsx.writeBuffer()),
  };
}

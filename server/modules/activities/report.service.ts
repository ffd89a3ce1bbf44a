import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { ActivityReport, TallyRow } from '../../../contracts/activities';
import {
  ACTIVITY_TYPES,
  HEADLINES,
  hoursText,
  monthRange,
  SC_FUNCTIONS,
  SUPPORT_KINDS,
  scFunctionLabel,
  tallyInOrder,
  YOKO_TASKS,
  yokoTaskLabel,
} from '../../../domain/activities';
import { areaTree, LAYER_SHORT, type Layer, subtreeIds } from '../../../domain/areas';
import { fiscalMonths } from '../../../domain/councils';
import { fiscalYearLabel, fiscalYearRange, formatWareki, todayInTokyo } from '../../../domain/dates';
import { formatYearMonth, monthLabel, monthOf, parseYearMonth } from '../../../domain/print-calendar';
import type { TenantContext } from '../../core/context';
import { fieldError } from '../../core/errors';
import { tenantUsers } from '../accounts';
import { tenantAreas } from '../areas';
import { developmentCounts, meetingsHeldByLayer } from '../councils';
import { printReport } from '../print';
import { getTenant } from '../tenants';
import { activitiesPolicy } from './activities.policy';

/*
 * The SC's monthly and yearly report: activities and hours by function ①–⑥, A/B/C, a–e, 層,
 * type, 個別/地域, area and SC, counted in SQL straight from the activity rows; plus the indicators
 * a municipality reports from the councils (協議体の開催回数, 地域ケア会議への参加, 資源開発).
 */

interface ReportQuery {
  month?: string;
  fy?: number;
  area?: string;
  sc?: string;
}

type Counted = { dim: string; key: string; n: number; m: number };

export async function activityReport(ctx: TenantContext, q: ReportQuery): Promise<ActivityReport> {
  activitiesPolicy.report(ctx);
  const all = await tenantAreas(ctx);
  const today = todayInTokyo(ctx.now());
  if (q.month && q.fy) throw fieldError('month', '月：月か年度のどちらかを選んでください。');
  const ym = q.month ? parseYearMonth(q.month) : null;
  if (q.month && !ym) throw fieldError('month', '月：月は 2026-05 の形で入力してください。');
  const kind = q.fy ? 'year' : 'month';
  const fy = q.fy ?? 0;
  const month = ym ?? monthOf(today);
  const { start, end } = kind === 'year' ? fiscalYearRange(fy) : monthRange(month);
  const area = q.area ? all.find((a) => a.id === q.area) : null;
  if (q.area && !area) throw fieldError('area', '地域：見つかりません。');
  const users = await tenantUsers(ctx);
  if (q.sc && !users.some((u) => u.userId === q.sc))
    throw fieldError('sc', 'SC：この団体の利用者ではありません。');
  const inside = area ? subtreeIds(all, [area.id]) : null;

  const filter = sql.join(
    [
      sql`tenant_id = ${ctx.tenantId}`,
      sql`occurred_on between ${start} and ${end}`,
      ...(inside ? [sql`area_ids && ${sql.param([...inside])}::uuid[]`] : []),
      ...(q.sc ? [sql`sc_user_id = ${q.sc}`] : []),
    ],
    sql` and `,
  );
  const result = await ctx.db.execute(sql`
    with a as (select * from activities where ${filter})
    select 'total' as dim, '' as key, count(*)::int as n, coalesce(sum(minutes), 0)::int as m from a
    union all select 'function', f, count(*)::int, sum(minutes)::int from a, unnest(a.functions) f group by f
    union all select 'headline', h, count(*)::int, sum(minutes)::int from a, unnest(a.headlines) h group by h
    union all select 'task', t, count(*)::int, sum(minutes)::int from a, unnest(a.yoko_tasks) t group by t
    union all select 'layer', layer::text, count(*)::int, sum(minutes)::int from a group by layer
    union all select 'type', type, count(*)::int, sum(minutes)::int from a group by type
    union all select 'support', support, count(*)::int, sum(minutes)::int from a group by support
    union all select 'area', ar::text, count(*)::int, sum(minutes)::int from a, unnest(a.area_ids) ar group by ar
    union all select 'sc', sc_user_id::text, count(*)::int, sum(minutes)::int from a group by sc_user_id
    union all select 'month', to_char(occurred_on, 'YYYY-MM'), count(*)::int, sum(minutes)::int from a group by 2
    union all select 'month_fn', to_char(occurred_on, 'YYYY-MM') || ':' || f, count(*)::int, sum(minutes)::int
      from a, unnest(a.functions) f group by 2
  `);
  const rows = ((result as unknown as { rows: Counted[] }).rows ?? []).map((r) => ({
    dim: r.dim,
    key: r.key,
    count: Number(r.n),
    minutes: Number(r.m),
  }));
  const of = (dim: string) => rows.filter((r) => r.dim === dim);
  const total = of('total')[0] ?? { count: 0, minutes: 0 };

  const areaOrder = areaTree(all).map((r) => r.area);
  const byArea: TallyRow[] = areaOrder
    .filter((a) => !inside || inside.has(a.id))
    .flatMap((a) => {
      const r = of('area').find((x) => x.key === a.id);
      return r
        ? [
            {
              key: a.id,
              label: `${LAYER_SHORT[a.layer as Layer]} ${a.name}`,
              count: r.count,
              minutes: r.minutes,
            },
          ]
        : [];
    });
  const bySc: TallyRow[] = of('sc')
    .map((r) => ({
      ...r,
      label: users.find((u) => u.userId === r.key)?.name ?? '（利用者ではなくなった人）',
    }))
    .sort((x, y) => y.count - x.count || x.label.localeCompare(y.label, 'ja'));
  const months = kind === 'year' ? fiscalMonths(fy) : [formatYearMonth(month)];
  const byMonth = months.map((mo) => {
    const r = of('month').find((x) => x.key === mo);
    return {
      key: mo,
      label: monthLabel(parseYearMonth(mo)!),
      count: r?.count ?? 0,
      minutes: r?.minutes ?? 0,
      functions: SC_FUNCTIONS.map((f) => of('month_fn').find((x) => x.key === `${mo}:${f.code}`)?.count ?? 0),
    };
  });

  const [held, development] = await Promise.all([
    meetingsHeldByLayer(ctx, start, end),
    developmentCounts(ctx, start, end),
  ]);
  const tenant = await getTenant(ctx);
  const scName = q.sc ? users.find((u) => u.userId === q.sc)?.name : null;
  const periodLabel = kind === 'year' ? fiscalYearLabel(fy) : monthLabel(month);
  return {
    title: `生活支援コーディネーター 活動${kind === 'year' ? '年報' : '月報'}（${periodLabel}）`,
    period: { kind, label: periodLabel, start, end },
    scope: [area ? area.name : tenant.name, scName ? `${scName}さん` : '全員'].join('・'),
    total: { key: 'total', label: '合計', count: total.count, minutes: total.minutes },
    byFunction: tallyInOrder(SC_FUNCTIONS, of('function'), scFunctionLabel),
    byHeadline: tallyInOrder(HEADLINES, of('headline')),
    byTask: tallyInOrder(YOKO_TASKS, of('task'), (c) => `${c}　${yokoTaskLabel(c)}`),
    byLayer: tallyInOrder(
      [1, 2, 3].map((l) => ({ code: String(l), label: LAYER_SHORT[l as Layer] })),
      of('layer'),
    ),
    byType: tallyInOrder(ACTIVITY_TYPES, of('type')),
    bySupport: tallyInOrder(SUPPORT_KINDS, of('support')),
    byArea,
    bySc,
    byMonth,
    indicators: {
      councilMeetings: held,
      careMeetings: of('type').find((r) => r.key === 'care_meeting')?.count ?? 0,
      developedResources: development.developedResources,
      trials: development.trials,
    },
  };
}

/** The tables of a report, as a title and header and rows per section (xlsx sheets and PDF). */
function sections(r: ActivityReport) {
  const head = ['', '件数', '時間'];
  const lines = (rows: TallyRow[]) => rows.map((x) => [x.label, String(x.count), hoursText(x.minutes)]);
  const out = [
    {
      heading: '合計と指標',
      header: ['', '値'],
      rows: [
        ['活動の件数', String(r.total.count)],
        ['活動の時間（時間）', hoursText(r.total.minutes)],
        ...r.indicators.councilMeetings.map((c) => [
          `協議体の開催（${LAYER_SHORT[c.layer as Layer]}）`,
          `${c.meetings}回`,
        ]),
        ['地域ケア会議への参加', `${r.indicators.careMeetings}回`],
        ['資源開発（プロジェクトから生まれた地域資源）', `${r.indicators.developedResources}件`],
        ['プロジェクトの試行', `${r.indicators.trials}回`],
      ],
    },
    { heading: 'SCの機能（①〜⑥）', header: head, rows: lines(r.byFunction) },
    { heading: 'コーディネート機能（A・B・C）', header: head, rows: lines(r.byHeadline) },
    { heading: '要綱の業務（a〜e）', header: head, rows: lines(r.byTask) },
    { heading: '活動の種類', header: head, rows: lines(r.byType) },
    { heading: '層', header: head, rows: lines(r.byLayer) },
    { heading: '個別支援・地域支援', header: head, rows: lines(r.bySupport) },
    { heading: '地域（複数の地域にまたがる活動はそれぞれに数えます）', header: head, rows: lines(r.byArea) },
    { heading: 'SC', header: head, rows: lines(r.bySc) },
  ];
  if (r.period.kind === 'year')
    out.push({
      heading: '月別（件数・時間と①〜⑥の件数）',
      header: ['月', '件数', '時間', ...SC_FUNCTIONS.map((f) => f.mark)],
      rows: r.byMonth.map((m) => [
        m.label,
        String(m.count),
        hoursText(m.minutes),
        ...m.functions.map(String),
      ]),
    });
  return out;
}

export async function exportActivityReport(ctx: TenantContext, q: ReportQuery & { format: 'xlsx' | 'pdf' }) {
  const r = await activityReport(ctx, q);
  const today = todayInTokyo(ctx.now());
  const stamp = r.period.kind === 'year' ? r.period.start.slice(0, 4) : r.period.start.slice(0, 7);
  const subtitle = `${r.scope}　期間：${formatWareki(r.period.start)}〜${formatWareki(r.period.end)}`;
  if (q.format === 'pdf') {
    const pdf = await printReport({ title: r.title, subtitle, today, sections: sections(r) });
    return { fileName: `sc-report-${stamp}.pdf`, contentType: 'application/pdf', body: new Uint8Array(pdf) };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ささえあい';
  for (const s of sections(r)) {
    const ws = wb.addWorksheet(s.heading.replace(/（.*$/, '').slice(0, 31));
    ws.addRow([r.title]).font = { bold: true };
    ws.addRow([subtitle]);
    ws.addRow([]);
    ws.addRow(s.header).font = { bold: true };
    // Numbers as numbers, so that the office can sum and chart them.
    for (const row of s.rows)
      ws.addRow(row.map((c, i) => (i > 0 && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
    ws.getColumn(1).width = 44;
  }
  return {
    fileName: `sc-report-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: new Uint8Array(await wb.xlsx.writeBuffer()),
  };
}

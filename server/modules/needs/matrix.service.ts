import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { subtreeIds } from '../../../domain/areas';
import {
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  formatWareki,
  todayInTokyo,
} from '../../../domain/dates';
import { OPEN_NEED_STATUSES } from '../../../domain/needs';
import { needsAgainstResources, topLevelOf } from '../../../domain/needs-matrix';
import { assertTenantMember } from '../../core/access';
import { recordAudit } from '../../core/audit';
import type { TenantContext } from '../../core/context';
import { fieldError } from '../../core/errors';
import { listAreas, tenantAreas } from '../areas';
import { printNeedsMatrix } from '../print';
import { resourceCoverage, tenantTerms } from '../resources';
import { needsPolicy } from './needs.policy';
import { presentNeeds } from './needs.service';
import { needs } from './needs.tables';

interface MatrixQuery {
  layer: '2' | '3';
  fy?: number;
}

/**
 * The needs-against-resources view. Counts only: every member of the tenant may read it (the
 * 協議体 works from it), and nothing in it names or points at a person.
 */
export async function needsMatrix(ctx: TenantContext, q: MatrixQuery) {
  assertTenantMember(ctx, 'ニーズと地域資源の対比');
  const layer = Number(q.layer);
  const today = todayInTokyo(ctx.now());
  const [areaList, terms, coverage] = await Promise.all([
    listAreas(ctx, { fy: q.fy ?? fiscalYearOf(today) }),
    tenantTerms(ctx),
    resourceCoverage(ctx),
  ]);
  // listAreas already gives the areas in use in the 年度, each with its latest figures.
  const fy = q.fy ?? null;
  const range = fy ? fiscalYearRange(fy) : null;
  const [openRows, trendRows] = await Promise.all([
    ctx.db
      .select({ areaId: needs.areaId, category: needs.category, people: needs.people })
      .from(needs)
      .where(
        and(
          eq(needs.tenantId, ctx.tenantId),
          inArray(needs.status, OPEN_NEED_STATUSES),
          range ? sql`${needs.raisedOn} between ${range.start} and ${range.end}` : undefined,
        ),
      ),
    // Needs heard per 年度 (all statuses): how what people say changes over the years.
    ctx.db
      .select({
        fy: sql<number>`(extract(year from ${needs.raisedOn} - interval '3 months'))::int`,
        category: needs.category,
        n: sql<number>`count(*)::int`,
      })
      .from(needs)
      .where(eq(needs.tenantId, ctx.tenantId))
      .groupBy(sql`1`, needs.category),
  ]);
  const matrix = needsAgainstResources({
    areas: areaList.areas,
    layer,
    terms,
    needs: openRows,
    resources: coverage,
    aged65: new Map(areaList.areas.map((a) => [a.id, a.latest?.aged65 ?? null])),
  });
  const top = topLevelOf(terms);
  const trend = new Map<string, { fiscalYear: number; category: string; needs: number }>();
  for (const r of trendRows) {
    const k = `${r.fy}:${top(r.category)}`;
    const t = trend.get(k) ?? { fiscalYear: Number(r.fy), category: top(r.category), needs: 0 };
    t.needs += Number(r.n);
    trend.set(k, t);
  }
  return {
    fiscalYear: fy,
    layer,
    areas: matrix.rows,
    categories: matrix.categories,
    cells: matrix.cells,
    trend: [...trend.values()].sort(
      (a, b) => a.fiscalYear - b.fiscalYear || a.category.localeCompare(b.category),
    ),
  };
}

/** What lies behind one cell: the needs (for those who may read them) and the resources. */
export async function needsMatrixCell(
  ctx: TenantContext,
  q: MatrixQuery & { area: string; category: string },
) {
  assertTenantMember(ctx, 'ニーズと地域資源の対比');
  const [all, terms, coverage] = await Promise.all([
    tenantAreas(ctx),
    tenantTerms(ctx),
    resourceCoverage(ctx),
  ]);
  const area = all.find((a) => a.id === q.area);
  if (!area) throw fieldError('area', '地域：見つかりません。');
  const term = terms.find((t) => t.code === q.category);
  if (!term) throw fieldError('category', '分類：見つかりません。');
  const top = topLevelOf(terms);
  const inside = subtreeIds(all, [area.id]);
  const codes = terms.filter((t) => top(t.code) === term.code).map((t) => t.code);
  const range = q.fy ? fiscalYearRange(q.fy) : null;
  const where = and(
    eq(needs.tenantId, ctx.tenantId),
    inArray(needs.areaId, [...inside]),
    inArray(needs.category, codes),
    inArray(needs.status, OPEN_NEED_STATUSES),
    range ? sql`${needs.raisedOn} between ${range.start} and ${range.end}` : undefined,
  );
  const scope = needsPolicy.mayRead(ctx, all);
  const rows = await ctx.db.select().from(needs).where(where).orderBy(desc(needs.raisedOn));
  let shown = null;
  if (scope) {
    const visible = rows.filter((r) => scope === 'all' || scope.has(r.areaId));
    shown = await presentNeeds(ctx, visible, scope);
    await recordAudit(ctx, {
      entity: 'need',
      action: 'list',
      detail: { shown: visible.length, filters: { area: area.id, category: term.code, matrix: true } },
    });
  }
  const names = new Map(all.map((a) => [a.id, a.name]));
  const resources = coverage
    .filter((r) => r.categories.some((c) => top(c) === term.code) && r.areaIds.some((a) => inside.has(a)))
    .map((r) => ({
      id: r.id,
      name: r.name,
      areaNames: r.areaIds.flatMap((a) => (names.has(a) ? [names.get(a)!] : [])),
      schedule: r.schedule(),
    }));
  return {
    areaName: area.name,
    categoryName: term.name,
    needs: shown,
    openNeeds: rows.length,
    resources,
  };
}

/** For a meeting: the table as xlsx (one sheet of figures, one of the 空白) or an A4 landscape PDF. */
export async function exportNeedsMatrix(ctx: TenantContext, q: MatrixQuery & { format: 'xlsx' | 'pdf' }) {
  const m = await needsMatrix(ctx, q);
  const today = todayInTokyo(ctx.now());
  const title = `ニーズと地域資源の対比（${q.layer === '2' ? '第2層・日常生活圏域' : '第3層・地区'}別）`;
  const period = m.fiscalYear
    ? fiscalYearLabel(m.fiscalYear)
    : `${formatWareki(today)}現在・未対応の困りごと`;
  const cell = (areaId: string, category: string) =>
    m.cells.find((c) => c.areaId === areaId && c.category === category);
  const used = m.categories.filter((c) => m.cells.some((x) => x.category === c.code));
  const stamp = today.replaceAll('-', '');
  if (q.format === 'pdf') {
    const pdf = await printNeedsMatrix({
      title,
      period,
      today,
      categories: used.map((c) => c.name),
      rows: m.areas.map((a) => ({
        name: a.name,
        aged65: a.aged65,
        cells: used.map((c) => {
          const v = cell(a.id, c.code);
          return v
            ? { needs: v.openNeeds, people: v.people, resources: v.resources, gap: v.gap }
            : { needs: 0, people: 0, resources: 0, gap: false };
        }),
      })),
    });
    return {
      fileName: `needs-matrix-${stamp}.pdf`,
      contentType: 'application/pdf',
      body: new Uint8Array(pdf),
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ささえあい';
  const ws = wb.addWorksheet('対比表');
  ws.addRow([title]);
  ws.addRow([period]);
  ws.addRow([]);
  const head = [
    '地域',
    '65歳以上人口',
    ...used.flatMap((c) => [`${c.name} 困りごと`, `${c.name} 人数`, `${c.name} 資源`, `${c.name} 空白`]),
  ];
  ws.addRow(head).font = { bold: true };
  for (const a of m.areas) {
    ws.addRow([
      a.name,
      a.aged65 ?? '',
      ...used.flatMap((c) => {
        const v = cell(a.id, c.code);
        return [v?.openNeeds ?? 0, v?.people ?? 0, v?.resources ?? 0, v?.gap ? '空白' : ''];
      }),
    ]);
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 4 }];
  ws.getColumn(1).width = 18;
  const gaps = wb.addWorksheet('空白');
  gaps.addRow(['地域', '分類', '未対応の困りごと', '人数']).font = { bold: true };
  for (const c of m.cells.filter((x) => x.gap)) {
    gaps.addRow([
      m.areas.find((a) => a.id === c.areaId)?.name ?? '',
      m.categories.find((x) => x.code === c.category)?.name ?? c.category,
      c.openNeeds,
      c.people,
    ]);
  }
  const trend = wb.addWorksheet('年度別の推移');
  trend.addRow(['年度', '分類', '把握した困りごと']).font = { bold: true };
  for (const t of m.trend)
    trend.addRow([
      fiscalYearLabel(t.fiscalYear),
      m.categories.find((x) => x.code === t.category)?.name ?? t.category,
      t.needs,
    ]);
  const body = new Uint8Array(await wb.xlsx.writeBuffer());
  return {
    fileName: `needs-matrix-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

import { type AreaNode, townIndex, townKey } from './areas';
import { formatCount, type StatValues, sumStats } from './population';
import { sumBands } from './population-bands';
import type { PopulationRecord, PopulationTable, TableIssue } from './population-table';

/** What an import needs to know of an area. */
export interface PlanArea extends AreaNode {
  name: string;
  townNames: readonly string[];
}

export type Bands = NonNullable<PopulationRecord['bands']>;

export interface PlannedRow {
  /** An existing area, or a new 第3層 地区 to create for an unknown 町丁. */
  target: { areaId: string } | { create: string };
  asOf: string;
  values: StatValues;
  bands: Bands | null;
  /** File lines that were summed into this row. */
  lines: number[];
}

export interface PopulationPlan {
  rows: PlannedRow[];
  matched: { town: string; areaId: string; areaName: string }[];
  toCreate: string[];
  municipalityRows: number;
  totals: {
    asOf: string;
    total: number;
    aged65: number | null;
    aged75: number | null;
    households: number | null;
  }[];
  errors: TableIssue[];
  warnings: TableIssue[];
}

const valuesOf = (r: PopulationRecord): StatValues => ({
  total: r.total,
  male: r.male,
  female: r.female,
  aged65: r.aged65,
  aged75: r.aged75,
  households: r.households,
  careCertified: null,
});

/**
 * Maps the rows of a population table onto a tenant's areas. Rows are matched through the 町丁
 * names an area lists (the deepest area wins), then through area names; several 町丁 of one 地区
 * are summed. A tenant that has only its 第1層 gets one new 地区 per 町丁; otherwise an unknown
 * 町丁 is an error, because guessing would put people in the wrong place.
 */
export function planPopulationImport(
  table: PopulationTable,
  areas: readonly PlanArea[],
  tenantCode: string,
): PopulationPlan {
  const errors: TableIssue[] = [...table.errors];
  const warnings: TableIssue[] = [...table.warnings];
  const root = areas.find((a) => a.layer === 1);
  const creating = areas.every((a) => a.layer === 1);
  const towns = townIndex(areas);
  const byName = new Map<string, PlanArea[]>();
  for (const a of areas) {
    const k = townKey(a.name);
    byName.set(k, [...(byName.get(k) ?? []), a]);
  }

  const groups = new Map<
    string,
    { target: PlannedRow['target']; asOf: string; records: PopulationRecord[] }
  >();
  const seen = new Map<string, number>();
  const matched = new Map<string, { town: string; areaId: string; areaName: string }>();
  const toCreate = new Set<string>();
  let municipalityRows = 0;

  for (const r of table.records) {
    const where = `${r.line}行目`;
    if (r.localGovCode && r.localGovCode !== tenantCode) {
      errors.push({
        line: r.line,
        column: null,
        message: `${where}：別の団体（団体コード ${r.localGovCode}）のデータです。この団体（${tenantCode}）のファイルか確認してください。`,
      });
      continue;
    }
    if (!r.asOf) continue; // the table already reported the missing date
    const key = `${townKey(r.regionName)}|${r.asOf}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        line: r.line,
        column: '地域名',
        message: `${where}「地域名」：「${r.regionName}」の同じ基準日の行が${earlier}行目にもあります。`,
      });
      continue;
    }
    seen.set(key, r.line);

    let target: PlannedRow['target'] | null = null;
    if (r.isMunicipalityTotal) {
      if (!root) {
        errors.push({
          line: r.line,
          column: null,
          message: `${where}：第1層の地域がないため、合計の行を保存できません。`,
        });
        continue;
      }
      municipalityRows++;
      target = { areaId: root.id };
    } else {
      const hit = towns.get(townKey(r.regionName));
      const named = byName.get(townKey(r.regionName));
      if (hit && 'ambiguous' in hit) {
        errors.push({
          line: r.line,
          column: '地域名',
          message: `${where}「地域名」：「${r.regionName}」が複数の地域（${hit.ambiguous.map((a) => a.name).join('、')}）の町丁に入っています。どちらか一方にしてください。`,
        });
        continue;
      }
      const area = hit ? hit.area : named?.length === 1 ? named[0] : undefined;
      if (area) {
        target = { areaId: area.id };
        matched.set(r.regionName, { town: r.regionName, areaId: area.id, areaName: area.name });
      } else if (creating) {
        target = { create: r.regionName };
        toCreate.add(r.regionName);
      } else {
        errors.push({
          line: r.line,
          column: '地域名',
          message: `${where}「地域名」：「${r.regionName}」はどの地域の町丁一覧にもありません。地域の設定で町丁を追加してから、もう一度読み込んでください。`,
        });
        continue;
      }
    }
    const gkey = `${'areaId' in target ? target.areaId : `new:${target.create}`}|${r.asOf}`;
    const group = groups.get(gkey);
    if (group) group.records.push(r);
    else groups.set(gkey, { target, asOf: r.asOf, records: [r] });
  }

  const rows: PlannedRow[] = [...groups.values()].map((g) => ({
    target: g.target,
    asOf: g.asOf,
    values: sumStats(g.records.map(valuesOf)),
    bands: sumBands(g.records.map((r) => r.bands)) as Bands | null,
    lines: g.records.map((r) => r.line),
  }));

  // Per date: the file's own total row when it has one, else the sum of its 町丁 rows.
  const dates = [...new Set(table.records.map((r) => r.asOf).filter((d): d is string => Boolean(d)))].sort();
  const totals = dates.map((asOf) => {
    const ofDate = table.records.filter((r) => r.asOf === asOf);
    const totalRow = ofDate.find((r) => r.isMunicipalityTotal);
    const parts = sumStats(ofDate.filter((r) => !r.isMunicipalityTotal).map(valuesOf));
    if (totalRow && ofDate.length > 1 && parts.total !== totalRow.total) {
      warnings.push({
        line: totalRow.line,
        column: '総人口',
        message: `${totalRow.line}行目：合計の行（${formatCount(totalRow.total)}人）と各地域の合計（${formatCount(parts.total)}人）が合いません。`,
      });
    }
    const v = totalRow ? valuesOf(totalRow) : parts;
    return { asOf, total: v.total, aged65: v.aged65, aged75: v.aged75, households: v.households };
  });

  return {
    rows,
    matched: [...matched.values()],
    toCreate: [...toCreate],
    municipalityRows,
    totals,
    errors,
    warnings,
  };
}

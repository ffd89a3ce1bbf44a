import { ArrowDown, ArrowUp, ArrowUpDown, Download, Plus } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { type AreaListItem, exportAreaData } from '../../../contracts/areas';
import { isValidInFy, LAYER_SHORT } from '../../../domain/areas';
import { fiscalYearLabel, fiscalYearOf, formatWareki, todayInTokyo } from '../../../domain/dates';
import { formatCount, formatPercent } from '../../../domain/population';
import { endpointUrl } from '../../lib/api';
import { paths } from '../../lib/paths';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Badge } from '../../ui/badge';
import { buttonClass } from '../../ui/button';
import { WarekiDate } from '../../ui/dates';
import { Checkbox, SelectField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { useAreaList } from './queries';

export type ListedArea = z.infer<typeof AreaListItem>;

type SortKey = 'name' | 'total' | 'aged65' | 'agingRate' | 'households';
type Sort = { key: SortKey; dir: 'asc' | 'desc' } | null;

/** Rows in tree order (第1層 → 第2層 → 第3層) with their depth; orphans (parent not listed) become roots. */
export function treeRows<A extends { id: string; parentId: string | null }>(areas: readonly A[]) {
  const ids = new Set(areas.map((a) => a.id));
  const children = new Map<string | null, A[]>();
  for (const a of areas) {
    const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    const list = children.get(parent);
    if (list) list.push(a);
    else children.set(parent, [a]);
  }
  const out: { area: A; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const a of children.get(parent) ?? []) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push({ area: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function sortValue(a: ListedArea, key: SortKey): number | string | null {
  if (key === 'name') return a.kana || a.name;
  return a.latest?.[key] ?? null;
}

function sortRows(areas: readonly ListedArea[], sort: NonNullable<Sort>): ListedArea[] {
  const dir = sort.dir === 'asc' ? 1 : -1;
  return [...areas].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    // Unknown figures go last whatever the direction.
    if (va === null) return vb === null ? 0 : 1;
    if (vb === null) return -1;
    if (typeof va === 'string' && typeof vb === 'string') return va.localeCompare(vb, 'ja') * dir;
    return ((va as number) - (vb as number)) * dir;
  });
}

const SORT_LABEL: Record<SortKey, string> = {
  name: '地域',
  total: '総人口',
  aged65: '65歳以上',
  agingRate: '高齢化率',
  households: '世帯数',
};

function SortHeader({
  k,
  sort,
  onSort,
  numeric,
}: {
  k: SortKey;
  sort: Sort;
  onSort: (k: SortKey) => void;
  numeric?: boolean;
}) {
  const active = sort?.key === k;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  const Icon = !active ? ArrowUpDown : sort.dir === 'asc' ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(k)}>
        {SORT_LABEL[k]}
        <Icon aria-hidden="true" size={16} />
        <span className="visually-hidden">で並べ替え</span>
      </button>
    </th>
  );
}

function fiscalYearOptions(current: number, areas: readonly ListedArea[] | undefined): number[] {
  let from = current - 5;
  let to = current + 2;
  for (const a of areas ?? []) {
    if (a.validFromFy) from = Math.min(from, a.validFromFy);
    if (a.validToFy) to = Math.max(to, a.validToFy + 1);
  }
  return Array.from({ length: to - from + 1 }, (_, i) => to - i);
}

/** 地域と人口: the tenant's areas as a tree with their latest figures. */
export function AreaListPage() {
  const scope = useTenantScope();
  usePageTitle('地域と人口');
  const [search, setSearch] = useSearchParams();
  const currentFy = fiscalYearOf(todayInTokyo());
  const fyParam = Number(search.get('fy'));
  const fy = Number.isInteger(fyParam) && fyParam >= 1989 && fyParam <= 2100 ? fyParam : currentFy;
  const showRetired = search.get('all') === 'true';
  const [sort, setSort] = useState<Sort>(null);
  const list = useAreaList(scope.code, fy, showRetired);

  const rows = useMemo(() => {
    const areas = list.data?.areas ?? [];
    if (sort) return sortRows(areas, sort).map((area) => ({ area, depth: 0 }));
    return treeRows(areas);
  }, [list.data, sort]);

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setSearch(next, { replace: true });
  };

  const onSort = (key: SortKey) =>
    setSort((s) =>
      s?.key === key
        ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: key === 'name' ? 'asc' : 'desc' },
    );

  const asOf = list.data?.asOf ?? null;
  const caption = `${fiscalYearLabel(fy)}の地域と人口${asOf ? `（${formatWareki(asOf)}現在）` : ''}${
    sort ? `、${SORT_LABEL[sort.key]}の${sort.dir === 'asc' ? '小さい' : '大きい'}順` : '、層ごとの階層順'
  }`;

  return (
    <>
      <PageHeader
        title="地域と人口"
        lead={
          asOf ? (
            <>
              人口は
              <WarekiDate date={asOf} suffix="現在" />
              の値です。
            </>
          ) : (
            '人口統計はまだ取り込まれていません。'
          )
        }
        actions={
          list.data?.canCreate && (
            <Link className={buttonClass()} to={paths.areaNew(scope.code)}>
              <Plus aria-hidden="true" size={18} />
              地域を追加
            </Link>
          )
        }
      />

      <div className="toolbar">
        <SelectField
          id="area-fy"
          label="年度"
          value={String(fy)}
          onChange={(e) => update('fy', Number(e.target.value) === currentFy ? null : e.target.value)}
        >
          {fiscalYearOptions(currentFy, list.data?.areas).map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y)}（{y}年度）{y === currentFy ? '・今年度' : ''}
            </option>
          ))}
        </SelectField>
        <Checkbox
          label="使い終えた地域・まだ使っていない地域も表示する"
          checked={showRetired}
          onChange={(e) => update('all', e.target.checked ? 'true' : null)}
        />
        {sort && (
          <button type="button" className={buttonClass('quiet')} onClick={() => setSort(null)}>
            階層順に戻す
          </button>
        )}
      </div>

      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} />}
      {list.data && list.data.areas.length === 0 && (
        <p>この年度に使っている地域はありません。年度を変えるか、地域を追加してください。</p>
      )}
      {list.data && list.data.areas.length > 0 && (
        <TableScroll label="地域の一覧">
          <table className="table table--sticky">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <SortHeader k="name" sort={sort} onSort={onSort} />
                <th scope="col">種別</th>
                <SortHeader k="total" sort={sort} onSort={onSort} numeric />
                <SortHeader k="aged65" sort={sort} onSort={onSort} numeric />
                <SortHeader k="agingRate" sort={sort} onSort={onSort} numeric />
                <SortHeader k="households" sort={sort} onSort={onSort} numeric />
              </tr>
            </thead>
            <tbody>
              {rows.map(({ area, depth }) => (
                <AreaRow key={area.id} area={area} depth={depth} fy={fy} tenant={scope.code} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <section aria-labelledby="exports-title">
        <h2 id="exports-title">書き出し</h2>
        <p className="muted">
          Excel でそのまま開ける形で書き出します。ほかの仕組みへの受け渡しや報告書づくりに使えます。
        </p>
        <ul className="inline-links">
          <ExportLink tenant={scope.code} kind="population" format="csv">
            人口統計（地域・年齢別人口の形、CSV）
          </ExportLink>
          <ExportLink tenant={scope.code} kind="areas" format="csv">
            地域の一覧（CSV）
          </ExportLink>
          <ExportLink tenant={scope.code} kind="areas" format="geojson">
            地域の境界（GeoJSON）
          </ExportLink>
        </ul>
      </section>
    </>
  );
}

function ExportLink({
  tenant,
  kind,
  format,
  children,
}: {
  tenant: string;
  kind: 'areas' | 'population';
  format: 'csv' | 'json' | 'geojson';
  children: ReactNode;
}) {
  return (
    <li>
      <a
        className={buttonClass('secondary', true)}
        href={endpointUrl(exportAreaData, { params: { tenant, kind }, query: { format } })}
        download
      >
        <Download aria-hidden="true" size={16} />
        {children}
      </a>
    </li>
  );
}

function AreaRow({
  area,
  depth,
  fy,
  tenant,
}: {
  area: ListedArea;
  depth: number;
  fy: number;
  tenant: string;
}) {
  const inUse = isValidInFy(area, fy);
  const s = area.latest;
  return (
    <tr className={inUse ? undefined : 'retired'}>
      <th scope="row">
        <div className={`tree-cell tree-depth-${Math.min(depth, 2)}`}>
          <Link className="tree-link" to={paths.area(tenant, area.id)}>
            {area.name}
          </Link>
          <Badge>{LAYER_SHORT[area.layer]}</Badge>
          {!inUse && <Badge tone="muted">{fyStatus(area, fy)}</Badge>}
        </div>
      </th>
      <td>{area.kind}</td>
      <td className="num">{s ? formatCount(s.total) : '—'}</td>
      <td className="num">{s ? formatCount(s.aged65) : '—'}</td>
      <td className="num">{s ? formatPercent(s.agingRate) : '—'}</td>
      <td className="num">{s ? formatCount(s.households) : '—'}</td>
    </tr>
  );
}

function fyStatus(area: Pick<ListedArea, 'validFromFy' | 'validToFy'>, fy: number): string {
  if (area.validToFy != null && area.validToFy < fy) return `${fiscalYearLabel(area.validToFy)}まで`;
  if (area.validFromFy != null && area.validFromFy > fy) return `${fiscalYearLabel(area.validFromFy)}から`;
  return '';
}

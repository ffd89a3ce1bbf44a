import { ClipboardCheck, Download, FileUp, List, Map as MapIcon, Plus, Search, Tags } from 'lucide-react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { exportResources, type ResourceSummary } from '../../../contracts/resources';
import { RESOURCE_KINDS, RESOURCE_STATUSES, SOGO_TYPES } from '../../../domain/resources';
import { endpointUrl } from '../../lib/api';
import { paths } from '../../lib/paths';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { WarekiDate } from '../../ui/dates';
import { Checkbox, SelectField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { Pager } from '../../ui/pager';
import { ErrorNotice, Loading } from '../../ui/status';
import { TableOrCards } from '../../ui/table-or-cards';
import { CategoryTags, GROUP_STYLE, groupOf, type Term } from './categories';
import {
  activeFilterCount,
  filtersFromSearch,
  PER_PAGE,
  pointsQueryFromFilters,
  queryFromFilters,
  type ResourceFilters,
  SORTS,
  type Sort,
  searchFromFilters,
  WEEKDAYS,
} from './filters';
import { StaleBadge, StatusBadge } from './format';
import { MapFrame } from './map/map-frame';
import type { MapPoint } from './map/types';
import { AreaOptions, CategoryOptions, useAreaTree } from './options';
import { useResourcePoints, useResourceSearch, useTaxonomy } from './queries';

/** 地域資源: search, filters in the URL, a dense table (cards on a phone) or the map. */
export function ResourceListPage() {
  const scope = useTenantScope();
  const can = capabilities(scope);
  usePageTitle('地域資源');
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const taxonomy = useTaxonomy(scope.code);

  // Built on the last URL asked for, not the last one rendered (navigation renders in a transition),
  // so that quick successive choices all stay.
  const latest = useRef(search);
  useEffect(() => {
    latest.current = search;
  }, [search]);
  const update = (patch: Partial<ResourceFilters>, keepPage = false) => {
    const now = filtersFromSearch(latest.current);
    const next = searchFromFilters({ ...now, ...patch, page: keepPage ? (patch.page ?? now.page) : 1 });
    latest.current = next;
    setSearch(next, { replace: !('q' in patch) && !('view' in patch) });
  };

  const viewHref = (view: 'list' | 'map') =>
    `?${searchFromFilters({ ...filters, view, page: view === 'map' ? 1 : filters.page }).toString()}`;

  return (
    <>
      <PageHeader
        title="地域資源"
        lead="町の通いの場・サロン・移動販売・見守りなど、暮らしを支える資源の一覧です。"
        actions={
          can.editResources && (
            <Link className={buttonClass()} to={paths.resourceNew(scope.code)}>
              <Plus aria-hidden="true" size={18} />
              資源を登録
            </Link>
          )
        }
      />

      <KeywordForm key={filters.q} initial={filters.q} onSearch={(q) => update({ q })} />
      <FilterPanel filters={filters} terms={taxonomy.data?.terms ?? []} onChange={update} />

      <nav className="view-toggle" aria-label="表示の切り替え">
        <Link to={viewHref('list')} aria-current={filters.view === 'list' ? 'true' : undefined}>
          <List aria-hidden="true" size={18} />
          一覧
        </Link>
        <Link to={viewHref('map')} aria-current={filters.view === 'map' ? 'true' : undefined}>
          <MapIcon aria-hidden="true" size={18} />
          地図
        </Link>
      </nav>

      {filters.view === 'map' ? (
        <ResourceMapView filters={filters} terms={taxonomy.data?.terms} listHref={viewHref('list')} />
      ) : (
        <ResourceResults
          filters={filters}
          terms={taxonomy.data?.terms}
          onPage={(page) => update({ page }, true)}
        />
      )}

      <section aria-labelledby="resource-exports-title">
        <h2 id="resource-exports-title">書き出し</h2>
        <p className="muted">
          登録されているすべての資源（終了したものを除く）を書き出します。内部メモと非公開の連絡先は含みません。
        </p>
        <ul className="inline-links">
          {(
            [
              ['csv', 'CSV（Excel で開けます）'],
              ['xlsx', 'Excel（xlsx）'],
              ['geojson', 'GeoJSON（地図用）'],
              ['hsds', 'HSDS（オープンデータ）'],
            ] as const
          ).map(([format, label]) => (
            <li key={format}>
              <a
                className={buttonClass('secondary', true)}
                href={endpointUrl(exportResources, { params: { tenant: scope.code }, query: { format } })}
                download
              >
                <Download aria-hidden="true" size={16} />
                {label}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="resource-more-title">
        <h2 id="resource-more-title">関連する画面</h2>
        <ul className="inline-links">
          <li>
            <Link className={buttonClass('quiet', true)} to={paths.resourcesReview(scope.code)}>
              <ClipboardCheck aria-hidden="true" size={18} />
              要確認の一覧
            </Link>
          </li>
          <li>
            <Link className={buttonClass('quiet', true)} to={paths.resourcesTaxonomy(scope.code)}>
              <Tags aria-hidden="true" size={18} />
              分類と言いかえ
            </Link>
          </li>
          <li>
            <Link className={buttonClass('quiet', true)} to={paths.organizations(scope.code)}>
              運営する主体
            </Link>
          </li>
          {can.manageResourceLists && (
            <li>
              <Link className={buttonClass('quiet', true)} to={paths.resourcesImport(scope.code)}>
                <FileUp aria-hidden="true" size={18} />
                資源の取り込み
              </Link>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}

function KeywordForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const [q, setQ] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(q);
  };
  return (
    <search className="keyword-search">
      <form onSubmit={submit}>
        <label className="field__label" htmlFor="resource-q">
          キーワード
        </label>
        <span className="field__hint" id="resource-q-hint">
          ひらがな・カタカナ・漢字のどれでも探せます（例：かいもの、サロン、見守り）
        </span>
        <div className="keyword-search__row">
          <input
            id="resource-q"
            className="input"
            type="search"
            value={q}
            maxLength={100}
            aria-describedby="resource-q-hint"
            onChange={(e) => setQ(e.target.value)}
          />
          <Button type="submit" icon={<Search aria-hidden="true" size={18} />}>
            探す
          </Button>
        </div>
      </form>
    </search>
  );
}

function FilterPanel({
  filters,
  terms,
  onChange,
}: {
  filters: ResourceFilters;
  terms: readonly Term[];
  onChange: (patch: Partial<ResourceFilters>) => void;
}) {
  const areas = useAreaTree();
  const count = activeFilterCount(filters);
  // Open on a desk (where the list is), folded on a phone and over the map unless something is chosen.
  const [open] = useState(
    () =>
      count > 0 ||
      (filters.view === 'list' &&
        typeof window !== 'undefined' &&
        Boolean(window.matchMedia?.('(min-width: 960px)').matches)),
  );
  const value = (key: keyof ResourceFilters) => (e: { target: { value: string } }) =>
    onChange({ [key]: e.target.value } as Partial<ResourceFilters>);
  return (
    <details className="filters" open={open}>
      <summary>絞り込み{count > 0 ? `（${count}件の条件）` : ''}</summary>
      <div className="filters__grid">
        <SelectField
          id="filter-area"
          label="地域"
          hint="上位の地域の資源も含みます"
          value={filters.area}
          onChange={value('area')}
        >
          <option value="">すべての地域</option>
          <AreaOptions rows={areas.rows} />
        </SelectField>
        <SelectField id="filter-category" label="分類" value={filters.category} onChange={value('category')}>
          <option value="">すべての分類</option>
          <CategoryOptions terms={terms} />
        </SelectField>
        <SelectField id="filter-weekday" label="曜日" value={filters.weekday} onChange={value('weekday')}>
          <option value="">指定しない</option>
          {WEEKDAYS.map((d) => (
            <option key={d.value} value={String(d.value)}>
              {d.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="filter-sogo"
          label="総合事業の類型"
          value={filters.sogoType}
          onChange={value('sogoType')}
        >
          <option value="">指定しない</option>
          {Object.entries(SOGO_TYPES).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-kind" label="資源の種類" value={filters.kind} onChange={value('kind')}>
          <option value="">フォーマル・インフォーマルの両方</option>
          {Object.entries(RESOURCE_KINDS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-status" label="状態" value={filters.status} onChange={value('status')}>
          <option value="">終了したもの以外</option>
          {Object.entries(RESOURCE_STATUSES).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="filter-sort"
          label="並べ方"
          value={filters.sort}
          onChange={(e) => onChange({ sort: e.target.value as Sort })}
        >
          {Object.entries(SORTS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
        <div className="filters__checks">
          <Checkbox
            label="無料だけ"
            checked={filters.free}
            onChange={(e) => onChange({ free: e.target.checked })}
          />
          <Checkbox
            label="確認期限切れだけ"
            checked={filters.stale}
            onChange={(e) => onChange({ stale: e.target.checked })}
          />
        </div>
      </div>
      {count > 0 && (
        <button
          type="button"
          className={buttonClass('quiet', true)}
          onClick={() =>
            onChange({
              area: '',
              category: '',
              weekday: '',
              free: false,
              sogoType: '',
              kind: '',
              status: '',
              stale: false,
            })
          }
        >
          条件をすべて外す
        </button>
      )}
    </details>
  );
}

function ResourceResults({
  filters,
  terms,
  onPage,
}: {
  filters: ResourceFilters;
  terms: readonly Term[] | undefined;
  onPage: (page: number) => void;
}) {
  const scope = useTenantScope();
  const query = useResourceSearch(scope.code, queryFromFilters(filters));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { total, items, page } = query.data;
  const from = total === 0 ? 0 : (page - 1) * PER_PAGE + 1;
  const to = Math.min(total, page * PER_PAGE);
  const lastPage = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <section aria-labelledby="resource-results-title" className="results">
      <h2 id="resource-results-title" className="visually-hidden">
        検索の結果
      </h2>
      <p className="results__count" role="status">
        {total === 0
          ? '条件に合う資源はありません。'
          : `${total.toLocaleString('ja-JP')}件${total > PER_PAGE ? `のうち ${from}〜${to}件目` : ''}`}
        {query.isFetching && !query.isPending && <span className="muted">（更新しています…）</span>}
      </p>
      {total === 0 && filters.q && (
        <p className="muted">言葉を短くするか、絞り込みの条件を外してみてください。</p>
      )}
      {items.length > 0 && (
        <TableOrCards
          label="地域資源の一覧"
          caption={`地域資源の一覧（${SORTS[filters.sort]}）`}
          tableClass="resource-table"
          head={
            <>
              <th scope="col">名称</th>
              <th scope="col">分類</th>
              <th scope="col">場所・地域</th>
              <th scope="col">日時</th>
              <th scope="col">料金</th>
              <th scope="col">電話</th>
              <th scope="col">確認</th>
            </>
          }
          rows={items.map((r) => <ResourceRow key={r.id} r={r} terms={terms} tenant={scope.code} />)}
          cardsClass="resource-cards"
          cards={items.map((r) => <ResourceCard key={r.id} r={r} terms={terms} tenant={scope.code} />)}
        />
      )}
      <Pager page={page} lastPage={lastPage} perPage={PER_PAGE} onPage={onPage} />
    </section>
  );
}

function placeText(r: ResourceSummary): { place: string; area: string | null } {
  const loc = r.location;
  return {
    place: [loc?.name, loc?.address].filter(Boolean).join(' ') || '場所の登録なし',
    area: loc?.areaName ?? null,
  };
}

function CheckState({ r }: { r: ResourceSummary }) {
  if (r.stale) return <StaleBadge due={r.nextCheckDue} />;
  if (r.nextCheckDue)
    return (
      <span className="muted">
        次の確認 <WarekiDate date={r.nextCheckDue} />
      </span>
    );
  return <span className="muted">期限なし</span>;
}

function ResourceRow({ r, terms, tenant }: { r: ResourceSummary; terms?: readonly Term[]; tenant: string }) {
  const { place, area } = placeText(r);
  return (
    <tr>
      <td className="resource-table__name">
        <Link className="resource-table__link" to={paths.resource(tenant, r.id)}>
          {r.name}
        </Link>{' '}
        <StatusBadge status={r.status} />
        {r.organization && <span className="muted small">{r.organization.name}</span>}
      </td>
      <td>
        <CategoryTags categories={r.categories} terms={terms} />
      </td>
      <td>
        {place}
        {area && <span className="muted small">{area}</span>}
      </td>
      <td>
        {r.scheduleText || <span className="muted">—</span>}
        {r.needsReview && <span className="review-flag">日時の確認が必要</span>}
      </td>
      <td className="resource-table__narrow">{r.feeText || '—'}</td>
      <td className="nowrap">
        {r.phone ? <a href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>{r.phone}</a> : '—'}
      </td>
      <td className="resource-table__narrow">
        <CheckState r={r} />
      </td>
    </tr>
  );
}

function ResourceCard({ r, terms, tenant }: { r: ResourceSummary; terms?: readonly Term[]; tenant: string }) {
  const { place, area } = placeText(r);
  return (
    <li className="resource-card">
      <h3 className="resource-card__title">
        <Link to={paths.resource(tenant, r.id)}>{r.name}</Link> <StatusBadge status={r.status} />
      </h3>
      <CategoryTags categories={r.categories} terms={terms} />
      <dl className="resource-card__facts">
        <dt>場所</dt>
        <dd>
          {place}
          {area && `（${area}）`}
        </dd>
        {r.scheduleText && (
          <>
            <dt>日時</dt>
            <dd>
              {r.scheduleText}
              {r.needsReview && <span className="review-flag">日時の確認が必要</span>}
            </dd>
          </>
        )}
        {r.feeText && (
          <>
            <dt>料金</dt>
            <dd>{r.feeText}</dd>
          </>
        )}
        {r.phone && (
          <>
            <dt>電話</dt>
            <dd>
              <a className="resource-card__phone" href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>
                {r.phone}
              </a>
            </dd>
          </>
        )}
      </dl>
      {r.stale && <StaleBadge due={r.nextCheckDue} />}
    </li>
  );
}

/** The map view: the same filters as the list, as points; the list is one click away. */
function ResourceMapView({
  filters,
  terms,
  listHref,
}: {
  filters: ResourceFilters;
  terms: readonly Term[] | undefined;
  listHref: string;
}) {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const query = useResourcePoints(scope.code, pointsQueryFromFilters(filters));
  const points: MapPoint[] = useMemo(
    () =>
      (query.data?.points ?? []).map((p) => {
        const group = groupOf(p.category, terms);
        return {
          id: p.id,
          name: p.name,
          latitude: p.latitude,
          longitude: p.longitude,
          color: GROUP_STYLE[group].color,
          categoryLabel: terms?.find((t) => t.code === p.category)?.name ?? GROUP_STYLE[group].label,
          stale: p.stale,
        };
      }),
    [query.data, terms],
  );
  const groups = useMemo(() => {
    const present = new Set((query.data?.points ?? []).map((p) => groupOf(p.category, terms)));
    return (Object.keys(GROUP_STYLE) as (keyof typeof GROUP_STYLE)[]).filter((g) => present.has(g));
  }, [query.data, terms]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { withoutLocation } = query.data;
  return (
    <section aria-labelledby="resource-map-title" className="results">
      <h2 id="resource-map-title" className="visually-hidden">
        地図
      </h2>
      <p className="results__count" role="status">
        地図に{points.length.toLocaleString('ja-JP')}件
        {withoutLocation > 0 && `（場所が未登録の資源が${withoutLocation}件あり、地図には出ていません）`}
      </p>
      <p className="muted">
        印を押すと名前と詳しい画面へのリンクが出ます。数字の丸は近くにある資源のまとまりで、押すと拡大します。キーボードや読み上げでは
        <Link to={listHref}>一覧</Link>
        をお使いください。
      </p>
      <MapFrame
        label="地域資源の地図"
        points={points}
        hrefOf={(id) => `/app${paths.resource(scope.code, id)}`}
        onOpen={(id) => navigate(paths.resource(scope.code, id))}
        size="large"
        fallback={
          <>
            この端末では地図を表示できません。<Link to={listHref}>一覧</Link>で同じ資源を見られます。
          </>
        }
      />
      {groups.length > 0 && (
        <div className="map-legend">
          <h3 className="map-legend__title">凡例</h3>
          <ul>
            {groups.map((g) => {
              const s = GROUP_STYLE[g];
              const Icon = s.icon;
              return (
                <li key={g}>
                  <span className="map-legend__dot" style={{ background: s.color }} aria-hidden="true" />
                  <Icon aria-hidden="true" size={16} />
                  {s.label}
                </li>
              );
            })}
            <li>
              <span className="map-legend__dot map-legend__dot--stale" aria-hidden="true" />
              黒い縁：確認期限切れ
            </li>
            <li>
              <span className="map-legend__dot map-legend__dot--cluster" aria-hidden="true" />
              数字の丸：近くにある資源のまとまり
            </li>
          </ul>
        </div>
      )}
    </section>
  );
}

import { ClipboardPlus, Users } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Need } from '../../../contracts/needs';
import { fiscalYearLabel } from '../../../domain/dates';
import { NEED_SOURCES, NEED_STATUSES } from '../../../domain/needs';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { buttonClass } from '../../ui/button';
import { Checkbox, SelectField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { Pager } from '../../ui/pager';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableOrCards } from '../../ui/table-or-cards';
import type { Term } from '../resources/categories';
import { termTree } from '../resources/categories';
import { AreaOptions, useAreaChoices } from './areas';
import {
  activeNeedFilterCount,
  NEEDS_PER_PAGE,
  type NeedFilters,
  needFiltersFromSearch,
  queryFromNeedFilters,
  searchFromNeedFilters,
} from './filters';
import {
  NeedCategory,
  NeedStatusBadge,
  needTitle,
  PrivacyNote,
  peopleText,
  recentFiscalYears,
  ShortDate,
  Urgency,
} from './format';
import { canSeePersonalData, needPaths } from './paths';
import { useNeedList, useTerms } from './queries';

/** 困りごと: what the SCs heard, filtered by area, category, status, where it was heard and 年度. */
export function NeedListPage() {
  const scope = useTenantScope();
  usePageTitle('困りごと');
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => needFiltersFromSearch(search), [search]);
  const taxonomy = useTerms(scope.code);
  const allowed = canSeePersonalData(scope);

  // Built on the last URL asked for, not the last one rendered, so that quick successive choices all stay.
  const latest = useRef(search);
  useEffect(() => {
    latest.current = search;
  }, [search]);
  const update = (patch: Partial<NeedFilters>, keepPage = false) => {
    const now = needFiltersFromSearch(latest.current);
    const next = searchFromNeedFilters({ ...now, ...patch, page: keepPage ? (patch.page ?? now.page) : 1 });
    latest.current = next;
    setSearch(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="困りごと"
        lead="サロンや訪問で聞いた暮らしの困りごとです。"
        actions={
          allowed && (
            <>
              <Link className={buttonClass()} to={needPaths.needsQuick(scope.code)}>
                <ClipboardPlus aria-hidden="true" size={18} />
                困りごとを記録
              </Link>
              <Link className={buttonClass('secondary')} to={needPaths.residents(scope.code)}>
                <Users aria-hidden="true" size={18} />
                住民
              </Link>
            </>
          )
        }
      />
      {allowed ? (
        <>
          <PrivacyNote />
          <NeedFilterPanel filters={filters} terms={taxonomy.data?.terms ?? []} onChange={update} />
          <NeedResults
            filters={filters}
            terms={taxonomy.data?.terms}
            onPage={(page) => update({ page }, true)}
          />
        </>
      ) : (
        <Notice tone="warning">
          <p>
            困りごとの中身は、保険者職員と生活支援コーディネーターだけが見られます。件数は協議体の資料（ニーズと地域資源の対比）でご覧ください。
          </p>
        </Notice>
      )}
    </>
  );
}

function NeedFilterPanel({
  filters,
  terms,
  onChange,
}: {
  filters: NeedFilters;
  terms: readonly Term[];
  onChange: (patch: Partial<NeedFilters>) => void;
}) {
  const areas = useAreaChoices();
  const count = activeNeedFilterCount(filters);
  // Open on a desk (where the list is wide), folded on a phone unless something is chosen.
  const [open] = useState(
    () =>
      count > 0 ||
      (typeof window !== 'undefined' && Boolean(window.matchMedia?.('(min-width: 960px)').matches)),
  );
  const value = (key: keyof NeedFilters) => (e: { target: { value: string } }) =>
    onChange({ [key]: e.target.value } as Partial<NeedFilters>);
  return (
    <details className="need-filters" open={open}>
      <summary>絞り込み{count > 0 ? `（${count}件の条件）` : ''}</summary>
      <div className="need-filters__grid">
        <SelectField
          id="need-filter-area"
          label="地域"
          hint="下位の地域も含みます"
          value={filters.area}
          onChange={value('area')}
        >
          <option value="">すべての地域</option>
          <AreaOptions rows={areas.rows} />
        </SelectField>
        <SelectField
          id="need-filter-category"
          label="分類"
          value={filters.category}
          onChange={value('category')}
        >
          <option value="">すべての分類</option>
          {termTree(terms).map(({ term, depth }) => (
            <option key={term.code} value={term.code}>
              {`${'　'.repeat(depth)}${term.name}`}
            </option>
          ))}
        </SelectField>
        <SelectField id="need-filter-status" label="状況" value={filters.status} onChange={value('status')}>
          <option value="">すべての状況</option>
          {NEED_STATUSES.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="need-filter-source"
          label="把握した場"
          value={filters.source}
          onChange={value('source')}
        >
          <option value="">すべて</option>
          {NEED_SOURCES.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <SelectField id="need-filter-fy" label="年度" value={filters.fy} onChange={value('fy')}>
          <option value="">すべての年度</option>
          {recentFiscalYears().map((fy) => (
            <option key={fy} value={String(fy)}>
              {fiscalYearLabel(fy)}（{fy}年度）
            </option>
          ))}
        </SelectField>
        <div className="need-filters__checks">
          <Checkbox
            label="未対応のみ（新規・対応中・見守り継続・未解決）"
            checked={filters.open}
            onChange={(e) => onChange({ open: e.target.checked })}
          />
        </div>
      </div>
      {count > 0 && (
        <button
          type="button"
          className={buttonClass('quiet', true)}
          onClick={() => onChange({ area: '', category: '', status: '', open: false, source: '', fy: '' })}
        >
          条件をすべて外す
        </button>
      )}
    </details>
  );
}

function NeedResults({
  filters,
  terms,
  onPage,
}: {
  filters: NeedFilters;
  terms: readonly Term[] | undefined;
  onPage: (page: number) => void;
}) {
  const scope = useTenantScope();
  const query = useNeedList(scope.code, queryFromNeedFilters(filters));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { total, items, page } = query.data;
  const from = total === 0 ? 0 : (page - 1) * NEEDS_PER_PAGE + 1;
  const to = Math.min(total, page * NEEDS_PER_PAGE);
  const lastPage = Math.max(1, Math.ceil(total / NEEDS_PER_PAGE));
  return (
    <section aria-labelledby="need-results-title">
      <h2 id="need-results-title" className="visually-hidden">
        絞り込みの結果
      </h2>
      <p className="need-results__count" role="status">
        {total === 0
          ? '条件に合う困りごとはありません。'
          : `${total.toLocaleString('ja-JP')}件${total > NEEDS_PER_PAGE ? `のうち ${from}〜${to}件目` : ''}`}
        {query.isFetching && <span className="muted">（更新しています…）</span>}
      </p>
      {items.length > 0 && (
        <TableOrCards
          label="困りごとの一覧"
          caption="困りごとの一覧（新しい順）"
          tableClass="need-table"
          head={
            <>
              <th scope="col">把握した日</th>
              <th scope="col">地域</th>
              <th scope="col">分類</th>
              <th scope="col">ひとこと</th>
              <th scope="col" className="num">
                人数
              </th>
              <th scope="col">緊急度</th>
              <th scope="col">状況</th>
            </>
          }
          rows={items.map((n) => <NeedRow key={n.id} need={n} terms={terms} tenant={scope.code} />)}
          cardsClass="need-cards"
          cards={items.map((n) => <NeedCard key={n.id} need={n} terms={terms} tenant={scope.code} />)}
        />
      )}
      <Pager page={page} lastPage={lastPage} perPage={NEEDS_PER_PAGE} onPage={onPage} />
    </section>
  );
}

function NeedRow({ need: n, terms, tenant }: { need: Need; terms?: readonly Term[]; tenant: string }) {
  return (
    <tr>
      <td>
        <ShortDate date={n.raisedOn} />
      </td>
      <td>{n.areaName}</td>
      <td>
        <NeedCategory code={n.category} name={n.categoryName} terms={terms} />
      </td>
      <td className="need-table__summary">
        <Link className="need-table__link" to={needPaths.need(tenant, n.id)}>
          {needTitle(n)}
        </Link>
      </td>
      <td className="num">{peopleText(n.people)}</td>
      <td>
        <Urgency urgency={n.urgency} />
      </td>
      <td>
        <NeedStatusBadge status={n.status} />
      </td>
    </tr>
  );
}

/** One need as a card (phones). */
export function NeedCard({
  need: n,
  terms,
  tenant,
}: {
  need: Need;
  terms?: readonly Term[];
  tenant: string;
}) {
  return (
    <li className="need-card">
      <p className="need-card__title">
        <Link to={needPaths.need(tenant, n.id)}>{needTitle(n)}</Link>
      </p>
      <p className="need-card__tags">
        <NeedCategory code={n.category} name={n.categoryName} terms={terms} />
        <NeedStatusBadge status={n.status} />
      </p>
      <p className="need-card__line">
        <ShortDate date={n.raisedOn} />・{n.areaName}・{peopleText(n.people)}・<Urgency urgency={n.urgency} />
      </p>
    </li>
  );
}

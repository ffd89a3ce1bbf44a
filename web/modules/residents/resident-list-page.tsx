import { Search, UserPlus } from 'lucide-react';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { ResidentSummary } from '../../../contracts/residents';
import { householdLabel } from '../../../domain/needs';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { SelectField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { Pager } from '../../ui/pager';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableOrCards } from '../../ui/table-or-cards';
import { AreaOptions, canSeePersonalData, needPaths, PrivacyNote, useAreaChoices } from '../needs';
import { useResidentList } from './queries';
import type { ResidentErasedState } from './resident-detail-page';

const PER_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 住民: the people whose needs the SCs follow, found by name or reading and area. */
export function ResidentListPage() {
  const scope = useTenantScope();
  usePageTitle('住民');
  const location = useLocation();
  const erased = (location.state as ResidentErasedState | null)?.erased ?? null;
  const [search, setSearch] = useSearchParams();
  const q = (search.get('q') ?? '').slice(0, 80);
  const area = UUID.test(search.get('area') ?? '') ? (search.get('area') as string) : '';
  const pageParam = Number(search.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const allowed = canSeePersonalData(scope);

  const set = (patch: { q?: string; area?: string; page?: number }) => {
    const next = new URLSearchParams();
    const merged = { q, area, page: 1, ...patch };
    if (merged.q.trim()) next.set('q', merged.q.trim());
    if (merged.area) next.set('area', merged.area);
    if (merged.page > 1) next.set('page', String(merged.page));
    setSearch(next, { replace: !('q' in patch) });
  };

  return (
    <>
      <PageHeader
        title="住民"
        lead="困りごとを続けて追う方の情報です。個人情報なので、必要な方だけを登録してください。"
        actions={
          allowed && (
            <Link className={buttonClass()} to={needPaths.residentNew(scope.code)}>
              <UserPlus aria-hidden="true" size={18} />
              住民を登録
            </Link>
          )
        }
      />
      {allowed ? (
        <>
          <PrivacyNote />
          {erased && (
            <Notice tone="success" live="status">
              <p>
                消去しました。
                {erased.needsKept > 0
                  ? `困りごと${erased.needsKept}件は、誰のものか分からない形で残しました。`
                  : ''}
              </p>
            </Notice>
          )}
          <ResidentSearch key={`${q}|${area}`} q={q} area={area} onSearch={set} />
          <ResidentResults q={q} area={area} page={page} onPage={(p) => set({ q, area, page: p })} />
        </>
      ) : (
        <Notice tone="warning">
          <p>住民の情報は、保険者職員と生活支援コーディネーターだけが見られます。</p>
        </Notice>
      )}
    </>
  );
}

function ResidentSearch({
  q,
  area,
  onSearch,
}: {
  q: string;
  area: string;
  onSearch: (patch: { q: string; area: string }) => void;
}) {
  const areas = useAreaChoices();
  const [typed, setTyped] = useState(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ q: typed, area });
  };
  return (
    <search className="resident-search">
      <form onSubmit={submit} className="toolbar">
        <div className="field">
          <label className="field__label" htmlFor="resident-q">
            氏名・よみがな
          </label>
          <div className="need-lookup">
            <input
              id="resident-q"
              className="input"
              type="search"
              value={typed}
              maxLength={80}
              autoComplete="off"
              onChange={(e) => setTyped(e.target.value)}
            />
            <Button type="submit" icon={<Search aria-hidden="true" size={18} />}>
              探す
            </Button>
          </div>
        </div>
        <SelectField
          id="resident-area"
          label="地域"
          value={area}
          onChange={(e) => onSearch({ q: typed, area: e.target.value })}
        >
          <option value="">すべての地域</option>
          <AreaOptions rows={areas.rows} />
        </SelectField>
      </form>
    </search>
  );
}

function ResidentResults({
  q,
  area,
  page,
  onPage,
}: {
  q: string;
  area: string;
  page: number;
  onPage: (page: number) => void;
}) {
  const scope = useTenantScope();
  const query = useResidentList(
    scope.code,
    useMemo(() => ({ q: q || undefined, area: area || undefined, page, perPage: PER_PAGE }), [q, area, page]),
  );
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { total, items } = query.data;
  const lastPage = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <section aria-labelledby="resident-results-title">
      <h2 id="resident-results-title" className="visually-hidden">
        探した結果
      </h2>
      <p className="need-results__count" role="status">
        {total === 0
          ? q || area
            ? '条件に合う方はいません。'
            : 'まだ誰も登録されていません。'
          : `${total}人`}
        {query.isFetching && <span className="muted">（更新しています…）</span>}
      </p>
      {items.length > 0 && (
        <TableOrCards
          label="住民の一覧"
          caption="住民の一覧（よみがな順）"
          tableClass="need-table"
          head={
            <>
              <th scope="col">氏名</th>
              <th scope="col" className="num">
                年齢
              </th>
              <th scope="col">地域</th>
              <th scope="col">町丁</th>
              <th scope="col">世帯</th>
              <th scope="col" className="num">
                未対応の困りごと
              </th>
            </>
          }
          rows={items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link className="need-table__link" to={needPaths.resident(scope.code, r.id)}>
                  {r.name}
                </Link>
                {r.kana && <span className="muted"> {r.kana}</span>}
              </td>
              <td className="num">{r.age === null ? '—' : `${r.age}歳`}</td>
              <td>{r.areaName ?? '—'}</td>
              <td>{r.townName || '—'}</td>
              <td>{householdLabel(r.household)}</td>
              <td className="num">{r.openNeeds > 0 ? `${r.openNeeds}件` : '—'}</td>
            </tr>
          ))}
          cardsClass="need-cards"
          cards={items.map((r) => <ResidentCard key={r.id} r={r} tenant={scope.code} />)}
        />
      )}
      <Pager page={page} lastPage={lastPage} perPage={PER_PAGE} unit="人" onPage={onPage} />
    </section>
  );
}

function ResidentCard({ r, tenant }: { r: ResidentSummary; tenant: string }) {
  return (
    <li className="need-card">
      <p className="need-card__title">
        <Link to={needPaths.resident(tenant, r.id)}>{r.name}</Link>
        {r.kana && <span className="muted small-kana"> {r.kana}</span>}
      </p>
      <p>
        {[r.age === null ? null : `${r.age}歳`, r.areaName, r.townName, householdLabel(r.household)]
          .filter(Boolean)
          .join('・')}
      </p>
      {r.openNeeds > 0 && <p>未対応の困りごと {r.openNeeds}件</p>}
    </li>
  );
}

import { MapPinned, Pencil, Plus, Printer, Table2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { LAYER_LABELS, LAYER_SHORT } from '../../../domain/areas';
import { fiscalYearLabel } from '../../../domain/dates';
import { formatCount, formatPercent } from '../../../domain/population';
import { ApiError } from '../../lib/api';
import { paths } from '../../lib/paths';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Badge } from '../../ui/badge';
import { Button, buttonClass } from '../../ui/button';
import { WarekiDate } from '../../ui/dates';
import { NotFoundContent } from '../../ui/not-found';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { AgePyramid } from './age-pyramid';
import { BoundaryForm } from './boundary-form';
import { useArea } from './queries';
import { SnapshotTable } from './snapshot-table';
import { StatisticsForm } from './statistics-form';
import { TrendChart } from './trend-chart';

function validity(from: number | null, to: number | null): string {
  if (from == null && to == null) return '期間の定めなし';
  if (from != null && to != null) return `${fiscalYearLabel(from)}から${fiscalYearLabel(to)}まで`;
  if (from != null) return `${fiscalYearLabel(from)}から`;
  return `${fiscalYearLabel(to!)}まで`;
}

type Panel = 'boundary' | 'statistics' | null;

/** わがまちこんなとこシート (PDF), printed by the public portal. */
const sheetUrl = (tenant: string, id: string) => `/t/${tenant}/prints/areas/${id}/sheet.pdf`;

/** 地域の詳細: facts, 町丁, children, every snapshot (table first, chart second). */
export function AreaDetailPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const query = useArea(scope.code, id);
  const [panel, setPanel] = useState<Panel>(null);
  const name = query.data?.area.name ?? null;
  usePageTitle(name ?? '地域の詳細');

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404)
      return (
        <NotFoundContent what="地域">
          <p>
            <Link to={paths.areas(scope.code)}>地域と人口の一覧へ</Link>
          </p>
        </NotFoundContent>
      );
    return <ErrorNotice error={query.error} />;
  }
  const { area, ancestors, children, snapshots, ageBands } = query.data;
  const latest = snapshots.at(-1) ?? null;
  const can = capabilities(scope);
  const readOnlyNote =
    !area.canEdit &&
    (scope.role === 'sc2'
      ? 'この地域は担当の地域の外にあるため、見ることだけできます。変更が必要なときは、第1層コーディネーターか市町村の担当者に依頼してください。'
      : 'この役割では地域の情報を見ることだけできます。');

  const toggle = (p: Panel) => setPanel((cur) => (cur === p ? null : p));

  return (
    <>
      <Breadcrumb
        items={[
          { label: '地域と人口', to: paths.areas(scope.code) },
          ...ancestors.map((a) => ({ label: a.name, to: paths.area(scope.code, a.id) })),
          { label: area.name },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={
          <>
            {area.name} <Badge>{LAYER_SHORT[area.layer]}</Badge>
          </>
        }
        lead={area.kana || undefined}
        actions={
          <>
            {/* The sheet is a public PDF of the portal, outside the workspace's router. */}
            <a className={buttonClass('secondary')} href={sheetUrl(scope.code, area.id)}>
              <Printer aria-hidden="true" size={18} />
              こんなとこシートを印刷
            </a>
            {area.canEdit && (
              <>
                <Link className={buttonClass('secondary')} to={paths.areaEdit(scope.code, area.id)}>
                  <Pencil aria-hidden="true" size={18} />
                  編集
                </Link>
                <Button
                  variant="secondary"
                  aria-expanded={panel === 'boundary'}
                  aria-controls="area-panel"
                  onClick={() => toggle('boundary')}
                  icon={<MapPinned aria-hidden="true" size={18} />}
                >
                  境界を取り込む
                </Button>
                <Button
                  variant="secondary"
                  aria-expanded={panel === 'statistics'}
                  aria-controls="area-panel"
                  onClick={() => toggle('statistics')}
                  icon={<Table2 aria-hidden="true" size={18} />}
                >
                  人口を手入力
                </Button>
              </>
            )}
          </>
        }
      />

      {readOnlyNote && (
        <Notice>
          <p>{readOnlyNote}</p>
        </Notice>
      )}

      <div id="area-panel">
        {panel && (
          <div className="panel">
            {panel === 'boundary' ? (
              <BoundaryForm tenant={scope.code} area={area} onDone={() => setPanel(null)} />
            ) : (
              <StatisticsForm tenant={scope.code} area={area} latest={latest} onDone={() => setPanel(null)} />
            )}
          </div>
        )}
      </div>

      <div className="panel">
        <dl className="facts">
          <dt>層</dt>
          <dd>{LAYER_LABELS[area.layer]}</dd>
          <dt>種別</dt>
          <dd>{area.kind}</dd>
          <dt>使う期間</dt>
          <dd>{validity(area.validFromFy, area.validToFy)}</dd>
          <dt>境界</dt>
          <dd>{area.hasBoundary ? '取り込み済み' : 'まだありません'}</dd>
          <dt>地域のお宝</dt>
          <dd style={{ whiteSpace: 'pre-line' }}>
            {area.strengths || <span className="muted">まだ書かれていません</span>}
          </dd>
          <dt>気になること</dt>
          <dd style={{ whiteSpace: 'pre-line' }}>
            {area.concerns || <span className="muted">まだ書かれていません</span>}
          </dd>
          {latest && (
            <>
              <dt>高齢化率</dt>
              <dd>
                <strong>{formatPercent(latest.agingRate)}</strong>（
                <WarekiDate date={latest.asOf} suffix="現在" />）
              </dd>
            </>
          )}
        </dl>
      </div>

      <section aria-labelledby="stats-table-title">
        <h2 id="stats-table-title">人口統計</h2>
        {snapshots.length === 0 ? (
          <p>この地域の人口統計はまだありません。</p>
        ) : (
          <SnapshotTable snapshots={snapshots} caption={`${area.name}の人口統計（基準日の古い順）`} />
        )}
      </section>

      {snapshots.length > 0 && <TrendChart snapshots={snapshots} />}

      {ageBands && ageBands.bands.length > 0 && <AgePyramid data={ageBands} />}

      <section aria-labelledby="children-title">
        <h2 id="children-title">下位の地域（{children.length}）</h2>
        {area.canEdit && area.layer < 3 && can.addAreas && (
          <p>
            <Link className={buttonClass('secondary', true)} to={paths.areaNew(scope.code, area.id)}>
              <Plus aria-hidden="true" size={16} />
              この地域の下に追加
            </Link>
          </p>
        )}
        {children.length === 0 ? (
          <p className="muted">下位の地域はありません。</p>
        ) : (
          <TableScroll label="下位の地域">
            <table className="table table--sticky">
              <caption>{area.name}の下位の地域と最新の人口</caption>
              <thead>
                <tr>
                  <th scope="col">地域</th>
                  <th scope="col">種別</th>
                  <th scope="col">基準日</th>
                  <th scope="col" className="num">
                    総人口
                  </th>
                  <th scope="col" className="num">
                    65歳以上
                  </th>
                  <th scope="col" className="num">
                    高齢化率
                  </th>
                  <th scope="col" className="num">
                    世帯数
                  </th>
                </tr>
              </thead>
              <tbody>
                {children.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link className="tree-link" to={paths.area(scope.code, c.id)}>
                        {c.name}
                      </Link>{' '}
                      {!c.canEdit && area.canEdit && <Badge tone="muted">変更不可</Badge>}
                    </th>
                    <td>{c.kind}</td>
                    <td className="nowrap">{c.latest ? <WarekiDate date={c.latest.asOf} /> : '—'}</td>
                    <td className="num">{formatCount(c.latest?.total ?? null)}</td>
                    <td className="num">{formatCount(c.latest?.aged65 ?? null)}</td>
                    <td className="num">{formatPercent(c.latest?.agingRate ?? null)}</td>
                    <td className="num">{formatCount(c.latest?.households ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="towns-title">
        <h2 id="towns-title">含まれる町丁（{area.townNames.length}）</h2>
        {area.townNames.length === 0 ? (
          <p className="muted">
            町丁は登録されていません。人口統計の取り込みでは、町丁の名前で地域を見分けます。
          </p>
        ) : area.townNames.length > 30 ? (
          <details className="more">
            <summary>{area.townNames.length}件の町丁を表示</summary>
            <ul className="inline-list">
              {area.townNames.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </details>
        ) : (
          <ul className="inline-list">
            {area.townNames.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

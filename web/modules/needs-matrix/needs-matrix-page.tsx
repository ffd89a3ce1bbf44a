import { Download, FileText } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { exportNeedsMatrix } from '../../../contracts/needs';
import { fiscalYearLabel, fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import { endpointUrl } from '../../lib/api';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { buttonClass } from '../../ui/button';
import { Checkbox, SelectField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/status';
import { CellDialog } from './cell-dialog';
import { ChoroplethMap, MAP_MODES } from './choropleth';
import {
  countText,
  fiscalYearChoices,
  gapSentence,
  LAYER_CHOICES,
  type MapMode,
  periodText,
  usedCategories,
} from './matrix';
import { MatrixTable, type OpenCell, ROW_ORDERS, type RowOrder } from './matrix-table';
import { type MatrixChoice, useAreaNames, useBoundaries, useNeedsMatrix } from './queries';
import { TrendTable } from './trend';

/** The page's choices from its URL (?layer=3&fy=2025&map=per1000&order=gaps&cols=needs); else the defaults. */
export function choicesFromSearch(
  search: URLSearchParams,
): MatrixChoice & { map: MapMode; order: RowOrder; onlyNeeds: boolean } {
  const fy = Number(search.get('fy'));
  const order = search.get('order');
  return {
    layer: search.get('layer') === '3' ? '3' : '2',
    fy: Number.isInteger(fy) && fy >= 2000 && fy <= 2100 ? fy : undefined,
    map: search.get('map') === 'per1000' ? 'per1000' : 'gaps',
    order: order === 'gaps' || order === 'needs' ? order : 'tree',
    onlyNeeds: search.get('cols') === 'needs',
  };
}

/**
 * ニーズと地域資源: the 協議体's view of where needs meet resources and where nothing answers them
 * (空白). Counts only, for every member of the tenant; what lies behind a cell opens in a dialog,
 * with the needs themselves only for those who may read them.
 */
export function NeedsMatrixPage() {
  const scope = useTenantScope();
  usePageTitle('ニーズと地域資源');
  const [search, setSearch] = useSearchParams();
  // Held here as well as in the URL: the router applies a new URL in a transition, and a radio
  // button must show its new state at once (not spring back until the transition ends).
  const [choice, setChoice] = useState(() => choicesFromSearch(search));
  useEffect(() => setChoice(choicesFromSearch(search)), [search]);
  const query: MatrixChoice = { layer: choice.layer, fy: choice.fy };
  const matrix = useNeedsMatrix(scope.code, query);
  const boundaries = useBoundaries(scope.code);
  const names = useAreaNames(scope.code, choice.fy ?? fiscalYearOf(todayInTokyo()));
  const [open, setOpen] = useState<OpenCell | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const mapTitle = useRef<HTMLHeadingElement>(null);

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setChoice(choicesFromSearch(next));
    setSearch(next, { replace: true });
  };

  const data = matrix.data;
  const years = fiscalYearChoices(data?.trend.map((t) => t.fiscalYear) ?? []);
  const layerInfo = LAYER_CHOICES.find((l) => l.value === choice.layer)!;
  const exportUrl = (format: 'pdf' | 'xlsx') =>
    endpointUrl(exportNeedsMatrix, {
      params: { tenant: scope.code },
      query: { layer: choice.layer, fy: choice.fy, format },
    });

  return (
    <>
      <PageHeader
        title="ニーズと地域資源"
        lead="地域ごとに、未対応の困りごとと地域資源を並べます。足りないところ（空白）を協議体で話し合うための表です。数だけで、個人は分かりません。"
      />

      <div className="toolbar nm-controls">
        <fieldset className="fieldset nm-choice">
          <legend className="fieldset__legend">層</legend>
          <div className="nm-choice__options">
            {LAYER_CHOICES.map((l) => (
              <label key={l.value} className="check">
                <input
                  type="radio"
                  name="nm-layer"
                  value={l.value}
                  checked={choice.layer === l.value}
                  onChange={() => update('layer', l.value === '2' ? null : l.value)}
                />
                <span>{l.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          id="nm-fy"
          label="年度"
          value={choice.fy === undefined ? '' : String(choice.fy)}
          onChange={(e) => update('fy', e.target.value || null)}
        >
          <option value="">今の未対応すべて（年度を問わない）</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y)}（{y}年度）に把握したもの
            </option>
          ))}
        </SelectField>
        <SelectField
          id="nm-order"
          label="並べ方"
          value={choice.order}
          onChange={(e) => update('order', e.target.value === 'tree' ? null : e.target.value)}
        >
          {ROW_ORDERS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <Checkbox
          label="困りごとのある分類だけ表示する"
          checked={choice.onlyNeeds}
          onChange={(e) => update('cols', e.target.checked ? 'needs' : null)}
        />
      </div>

      <div className="nm-export">
        <span className="nm-export__label">会議用に書き出す（いま選んでいる層・年度）：</span>
        <a className={buttonClass('secondary', true)} href={exportUrl('pdf')} download>
          <FileText aria-hidden="true" size={16} />
          会議資料（PDF）
        </a>
        <a className={buttonClass('secondary', true)} href={exportUrl('xlsx')} download>
          <Download aria-hidden="true" size={16} />
          Excel（xlsx）
        </a>
      </div>

      {matrix.isPending && <Loading />}
      {matrix.isError && <ErrorNotice error={matrix.error} />}
      {data && (
        <div aria-busy={matrix.isPlaceholderData || undefined}>
          <div className="nm-summary" aria-live="polite">
            <p className="nm-summary__main">{gapSentence(data)}</p>
            <p className="nm-summary__sub">
              {layerInfo.label}・{periodText(data.fiscalYear)}：合計{' '}
              {countText(data.areas.reduce((n, a) => n + a.openNeeds, 0))}件
            </p>
            {matrix.isPlaceholderData && <Loading label="選んだ層・年度の表を読み込んでいます…" />}
          </div>

          <section aria-labelledby="nm-table-title">
            <h2 id="nm-table-title">対比表</h2>
            <Legend />
            {usedCategories(data).length === 0 ? (
              <p>まだ困りごとも地域資源も登録されていません。</p>
            ) : (
              <>
                <button type="button" className="nm-skip" onClick={() => mapTitle.current?.focus()}>
                  対比表を飛ばして地図へ
                </button>
                <MatrixTable
                  matrix={data}
                  caption={`${layerInfo.rows}ごとの困りごとと地域資源（${
                    data.fiscalYear === null
                      ? '今、未対応のもの'
                      : `${fiscalYearLabel(data.fiscalYear)}に把握したもの`
                  }）`}
                  parentNames={names.data}
                  order={choice.order}
                  onlyNeeds={choice.onlyNeeds}
                  onOpen={(cell, from) => {
                    returnTo.current = from;
                    setOpen(cell);
                  }}
                />
              </>
            )}
          </section>

          <section aria-labelledby="nm-map-title">
            <h2 id="nm-map-title" ref={mapTitle} tabIndex={-1}>
              地図
            </h2>
            <fieldset className="fieldset nm-choice">
              <legend className="fieldset__legend">地図の色で表すもの</legend>
              <div className="nm-choice__options">
                {MAP_MODES.map((m) => (
                  <label key={m.value} className="check">
                    <input
                      type="radio"
                      name="nm-map"
                      value={m.value}
                      checked={choice.map === m.value}
                      onChange={() => update('map', m.value === 'gaps' ? null : m.value)}
                    />
                    <span>{m.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            {boundaries.isPending ? (
              <Loading label="地図を読み込んでいます…" />
            ) : (
              <ChoroplethMap matrix={data} boundaries={boundaries.data} mode={choice.map} />
            )}
          </section>

          <section aria-labelledby="nm-trend-title">
            <h2 id="nm-trend-title">年度ごとの推移</h2>
            <TrendTable matrix={data} />
          </section>
        </div>
      )}

      {open && (
        <CellDialog
          key={`${open.area.id}:${open.category.code}`}
          tenant={scope.code}
          choice={query}
          open={open}
          onClose={() => {
            setOpen(null);
            returnTo.current?.focus();
          }}
        />
      )}
    </>
  );
}

/** What the words in a cell mean (the 空白 rule in particular) and how to use the cells. */
function Legend() {
  return (
    <>
      <ul className="nm-key" aria-label="表の見方">
        <li>
          <span className="nm-gap">空白</span>
          未対応の困りごとがあるのに、その地域にも、その中にも、上の層（圏域・町全体）にも、同じ分類の地域資源がないマス
        </li>
        <li>
          <strong>困りごと n件（m人）</strong>未対応の困りごとの件数と、困っている人数
        </li>
        <li>
          <strong>資源 k</strong>地域の中にある地域資源の数（定員と曜日は分かるものだけ）
        </li>
        <li>
          <strong>千人あたり</strong>65歳以上人口1,000人あたりの人数と資源の数
        </li>
      </ul>
      <p className="nm-note">
        マスを選ぶと、中身（地域資源と困りごと）が開きます。矢印キーで隣のマスへ移れます。
      </p>
    </>
  );
}

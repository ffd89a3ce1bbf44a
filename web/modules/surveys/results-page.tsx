import { Download, EyeOff, FileText } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import {
  exportSurveyResults,
  type RuleInfo,
  type Survey,
  type SurveyResults,
} from '../../../contracts/surveys';
import { items as itemsOf, type QuestionnaireDefinition } from '../../../domain/questionnaire';
import { endpointUrl } from '../../lib/api';
import { useTenantScope } from '../../lib/session';
import { buttonClass } from '../../ui/button';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { CellText, Choropleth, HBarChart, type MapArea } from './charts';
import { itemLabel } from './definition';
import { ConfidenceBadge, meaningLabel } from './format';
import { useBoundaries, useSurveyResults } from './queries';
import { SurveyFrame } from './survey-frame';

/*
 * 集計: for each judgement rule, the share of respondents for whom it holds (該当), overall, by area
 * of the chosen 層 and by age band × sex, and how each question was answered. Everything comes from
 * the server already suppressed for the viewer: a withheld cell carries only its text.
 */

type RuleCells = SurveyResults['overall'][number];
type Layer = '2' | '3';

export const SUPPRESSED_NOTE = '5人未満のマスは表示していません';

export function SurveyResultsPage({ id }: { id: string }) {
  return (
    <SurveyFrame id={id} page="集計">
      {(detail, def) => <Results survey={detail.survey} def={def} />}
    </SurveyFrame>
  );
}

function Results({ survey, def }: { survey: Survey; def: QuestionnaireDefinition }) {
  const scope = useTenantScope();
  const [layer, setLayer] = useState<Layer>('2');
  const results = useSurveyResults(scope.code, survey.id, layer);
  const [ruleKey, setRuleKey] = useState<string | null>(null);
  const layerName = useId();

  if (results.isPending) return <Loading label="集計しています…" />;
  if (results.isError) return <ErrorNotice error={results.error} />;
  const r = results.data;
  const rule = r.rules.find((x) => x.key === ruleKey) ?? headlineRule(r);
  const exportUrl = (format: 'xlsx' | 'pdf') =>
    endpointUrl(exportSurveyResults, {
      params: { tenant: scope.code, id: survey.id },
      query: { layer, format },
    });

  return (
    <>
      <dl className="figures">
        <div className="figure">
          <dt>回答者</dt>
          <dd>
            {r.respondents.toLocaleString('ja-JP')}
            <span className="figure__unit">人</span>
          </dd>
        </div>
        <div className="figure">
          <dt>判定の決まり</dt>
          <dd>
            {r.rules.length}
            <span className="figure__unit">件</span>
          </dd>
        </div>
      </dl>
      {r.suppressed && (
        <Notice tone="info">
          <p className="suppressed-note">
            <EyeOff aria-hidden="true" size={18} />
            {SUPPRESSED_NOTE}
          </p>
          <p>
            一人ひとりが分からないように、人数が5人未満のマス（と、合計から逆算できてしまうマス）は「—（5人未満）」などと表示しています。すべての数は保険者職員が見られます。
          </p>
        </Notice>
      )}
      <ul className="inline-links" aria-label="集計の書き出し">
        <li>
          <a className={buttonClass('secondary', true)} href={exportUrl('xlsx')} download>
            <Download aria-hidden="true" size={18} />
            Excel（xlsx）で書き出す
          </a>
        </li>
        <li>
          <a className={buttonClass('secondary', true)} href={exportUrl('pdf')} download>
            <FileText aria-hidden="true" size={18} />
            PDF で書き出す
          </a>
        </li>
      </ul>

      {r.respondents === 0 ? (
        <Notice>
          <p>まだ回答がありません。回答を入力するか、ファイルから取り込むと集計できます。</p>
        </Notice>
      ) : (
        <>
          {r.rules.length > 0 && <Overall results={r} />}

          {r.rules.length > 0 && (
            <section aria-labelledby="by-area-title">
              <h2 id="by-area-title">地域別・年齢別に見る</h2>
              <div className="results-toolbar">
                <div className="field">
                  <label className="field__label" htmlFor="results-rule">
                    見る判定
                  </label>
                  <select
                    id="results-rule"
                    className="select"
                    value={rule?.key ?? ''}
                    onChange={(e) => setRuleKey(e.target.value)}
                  >
                    {r.rules.map((x) => (
                      <option key={x.key} value={x.key}>
                        {x.label}
                      </option>
                    ))}
                  </select>
                </div>
                <fieldset className="fieldset">
                  <legend className="fieldset__legend">地域の層</legend>
                  <div className="segmented">
                    {(['2', '3'] as const).map((l) => (
                      <label key={l}>
                        <input
                          type="radio"
                          name={layerName}
                          value={l}
                          checked={layer === l}
                          onChange={() => setLayer(l)}
                        />
                        {l === '2' ? '第2層（日常生活圏域）' : '第3層（地区）'}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <span aria-live="polite">
                  {results.isFetching && <Loading label="集計し直しています…" />}
                </span>
              </div>
              {rule && (
                <>
                  <ByArea results={r} rule={rule} layer={layer} />
                  <AreaMap results={r} rule={rule} layer={layer} />
                  <ByBand results={r} rule={rule} />
                </>
              )}
              <AllRulesByArea results={r} layer={layer} />
            </section>
          )}

          <Questions results={r} def={def} />
        </>
      )}
    </>
  );
}

/** The rule to show by area first: the concern that applies to the most people (else the first). */
export function headlineRule(r: SurveyResults): RuleInfo | null {
  let best: { rule: RuleInfo; rate: number } | null = null;
  for (const rule of r.rules) {
    const rate = cellsOf(r.overall, rule.key)?.rate;
    if (rule.meaning !== 'risk' || !rate?.shown || rate.value === null) continue;
    if (!best || rate.value > best.rate) best = { rule, rate: rate.value };
  }
  return best?.rule ?? r.rules[0] ?? null;
}

function cellsOf(list: readonly RuleCells[], key: string): RuleCells | undefined {
  return list.find((c) => c.key === key);
}

/** The sentence screen-reader users get instead of the chart. */
export function overallSummary(r: SurveyResults): string {
  const shown = r.rules
    .map((rule) => ({ rule, c: cellsOf(r.overall, rule.key)?.rate }))
    .filter((x) => x.c?.shown && x.c.value !== null);
  if (shown.length === 0) return `回答者${r.respondents}人。表示できる割合はありません。`;
  const risks = shown.filter((x) => x.rule.meaning === 'risk');
  const top = (risks.length > 0 ? risks : shown).reduce((a, b) =>
    (b.c?.value ?? 0) > (a.c?.value ?? 0) ? b : a,
  );
  return `回答者${r.respondents.toLocaleString('ja-JP')}人のうち、該当する人の割合が最も高い${top.rule.meaning === 'risk' ? '心配な' : ''}判定は「${top.rule.label}」で${top.c?.text}です。`;
}

function Overall({ results }: { results: SurveyResults }) {
  const r = results;
  const unsure = r.rules.some((x) => x.status === 'unverified' || x.status === 'conflict');
  return (
    <section aria-labelledby="overall-title">
      <h2 id="overall-title">判定ごとの該当割合（全体）</h2>
      <p>{overallSummary(r)}</p>
      {unsure && (
        <p className="muted">
          「未確認」「資料により異なる」の判定は、基準を町で確かめてから報告に使ってください。
        </p>
      )}
      <figure className="panel results-figure">
        <figcaption>
          判定ごとの該当割合（判定できた人のうち該当する人の割合）
          <span className="visually-hidden">。同じ数を下の表に載せています。</span>
        </figcaption>
        <HBarChart
          rows={r.rules.map((rule) => ({
            key: rule.key,
            label: rule.label,
            cell: cellsOf(r.overall, rule.key)?.rate ?? { shown: false, value: null, text: '—' },
          }))}
        />
      </figure>
      <TableScroll label="判定ごとの該当割合">
        <table className="table">
          <caption>判定ごとの該当割合（全体）</caption>
          <thead>
            <tr>
              <th scope="col">判定</th>
              <th scope="col">確かさ</th>
              <th scope="col" className="num">
                該当
              </th>
              <th scope="col" className="num">
                判定できた人
              </th>
              <th scope="col" className="num">
                判定不能
              </th>
              <th scope="col" className="num">
                該当割合
              </th>
            </tr>
          </thead>
          <tbody>
            {r.rules.map((rule) => {
              const c = cellsOf(r.overall, rule.key);
              return (
                <tr key={rule.key}>
                  <th scope="row" className="wrap">
                    {rule.label}
                    <span className="rule-note">{meaningLabel(rule.meaning)}</span>
                  </th>
                  <td>
                    <ConfidenceBadge level={rule.status} />
                  </td>
                  <td className="num">{c ? <CellText cell={c.hits} /> : '—'}</td>
                  <td className="num">{c ? <CellText cell={c.known} /> : '—'}</td>
                  <td className="num">{c?.undetermined ?? <span className="cell-hidden">—</span>}</td>
                  <td className="num">{c ? <CellText cell={c.rate} /> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

const layerWord = (layer: Layer) => (layer === '2' ? '第2層' : '第3層');

function ByArea({ results, rule, layer }: { results: SurveyResults; rule: RuleInfo; layer: Layer }) {
  const rows = results.byArea.map((a) => ({
    key: a.areaId ?? 'none',
    label: a.areaName,
    cell: cellsOf(a.rules, rule.key)?.rate ?? { shown: false, value: null, text: '—' },
  }));
  return (
    <figure className="panel results-figure">
      <figcaption>
        「{rule.label}」の該当割合（{layerWord(layer)}の地域別）
        <ConfidenceBadge level={rule.status} />
        <span className="visually-hidden">。同じ数を下の表に載せています。</span>
      </figcaption>
      <HBarChart rows={rows} />
      <TableScroll label={`「${rule.label}」の地域別の該当割合`}>
        <table className="table table--sticky">
          <caption className="visually-hidden">「{rule.label}」の地域別の該当割合</caption>
          <thead>
            <tr>
              <th scope="col">地域</th>
              <th scope="col" className="num">
                回答者
              </th>
              <th scope="col" className="num">
                該当
              </th>
              <th scope="col" className="num">
                判定できた人
              </th>
              <th scope="col" className="num">
                該当割合
              </th>
            </tr>
          </thead>
          <tbody>
            {results.byArea.map((a) => {
              const c = cellsOf(a.rules, rule.key);
              return (
                <tr key={a.areaId ?? 'none'}>
                  <th scope="row">{a.areaName}</th>
                  <td className="num">
                    <CellText cell={a.respondents} />
                  </td>
                  <td className="num">{c ? <CellText cell={c.hits} /> : '—'}</td>
                  <td className="num">{c ? <CellText cell={c.known} /> : '—'}</td>
                  <td className="num">{c ? <CellText cell={c.rate} /> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}

function AreaMap({ results, rule, layer }: { results: SurveyResults; rule: RuleInfo; layer: Layer }) {
  const scope = useTenantScope();
  const boundaries = useBoundaries(scope.code);
  const areas: MapArea[] = useMemo(() => {
    const features = boundaries.data?.features ?? [];
    return features
      .filter((f) => String(f.properties.layer) === layer)
      .map((f) => {
        const row = results.byArea.find((a) => a.areaId === f.id);
        return {
          id: f.id,
          name: f.properties.name,
          geometry: f.geometry as MapArea['geometry'],
          cell: row ? (cellsOf(row.rules, rule.key)?.rate ?? null) : null,
        };
      });
  }, [boundaries.data, results.byArea, rule.key, layer]);

  return (
    <section className="panel results-figure" aria-labelledby="map-title">
      <h3 id="map-title">地図で見る：「{rule.label}」の該当割合</h3>
      {boundaries.isPending ? (
        <Loading label="地域の境界を読み込んでいます…" />
      ) : boundaries.isError ? (
        <ErrorNotice error={boundaries.error} />
      ) : areas.length === 0 ? (
        <p className="muted">
          {layerWord(layer)}の地域の境界が登録されていないため、地図は描けません。上の表をご覧ください。
        </p>
      ) : (
        <>
          <p className="muted">
            色が濃いほど割合が高い地域です。地域の名前と割合を地図の上にも書いています。同じ数は上の表にあります。
          </p>
          <Choropleth
            areas={areas}
            label={`「${rule.label}」の${layerWord(layer)}の地域別該当割合の地図。${areas
              .map((a) => `${a.name} ${a.cell?.text ?? '回答なし'}`)
              .join('、')}`}
          />
        </>
      )}
    </section>
  );
}

function ByBand({ results, rule }: { results: SurveyResults; rule: RuleInfo }) {
  const bands = [...new Set(results.byBand.map((b) => b.band))];
  const sexes = [...new Set(results.byBand.map((b) => b.sex))];
  const at = (band: string, sex: string) => results.byBand.find((b) => b.band === band && b.sex === sex);
  if (bands.length === 0) return null;
  return (
    <TableScroll label={`「${rule.label}」の年齢層・性別の該当割合`}>
      <table className="table table--sticky">
        <caption>「{rule.label}」の年齢層・性別の該当割合</caption>
        <thead>
          <tr>
            <td />
            {sexes.map((s) => (
              <th key={s} scope="colgroup" colSpan={2}>
                {s}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">年齢層</th>
            {sexes.map((s) => [
              <th key={`${s}-n`} scope="col" className="num">
                回答者
              </th>,
              <th key={`${s}-r`} scope="col" className="num">
                該当割合
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {bands.map((band) => (
            <tr key={band}>
              <th scope="row">{band}</th>
              {sexes.map((s) => {
                const row = at(band, s);
                const c = row ? cellsOf(row.rules, rule.key) : undefined;
                return [
                  <td key={`${s}-n`} className="num">
                    {row ? <CellText cell={row.respondents} /> : '0'}
                  </td>,
                  <td key={`${s}-r`} className="num">
                    {c ? <CellText cell={c.rate} /> : '—'}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Every rule by area in one table (the one the report usually prints). */
function AllRulesByArea({ results, layer }: { results: SurveyResults; layer: Layer }) {
  return (
    <details className="more">
      <summary>すべての判定の地域別の表を見る</summary>
      <TableScroll label="すべての判定の地域別の該当割合">
        <table className="table table--sticky">
          <caption>すべての判定の該当割合（{layerWord(layer)}の地域別）</caption>
          <thead>
            <tr>
              <th scope="col">地域</th>
              <th scope="col" className="num">
                回答者
              </th>
              {results.rules.map((rule) => (
                <th key={rule.key} scope="col" className="num head-wrap">
                  {rule.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.byArea.map((a) => (
              <tr key={a.areaId ?? 'none'}>
                <th scope="row">{a.areaName}</th>
                <td className="num">
                  <CellText cell={a.respondents} />
                </td>
                {results.rules.map((rule) => {
                  const c = cellsOf(a.rules, rule.key);
                  return (
                    <td key={rule.key} className="num">
                      {c ? <CellText cell={c.rate} /> : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}

function Questions({ results, def }: { results: SurveyResults; def: QuestionnaireDefinition }) {
  const total = results.respondents;
  const all = itemsOf(def);
  // The question's own words from the questionnaire, where the server sends only its number.
  const labelOf = (key: string, fallback: string) => {
    const item = all.find((i) => i.key === key);
    if (!item) return fallback;
    const number = item.row
      ? `${item.question.number ?? ''}${item.row.number ?? ''}`
      : (item.question.number ?? '');
    return `${number} ${itemLabel(item)}`.trim();
  };
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">設問ごとの回答</h2>
      <p className="muted">
        回答者{total.toLocaleString('ja-JP')}
        人のうち、それぞれの答えを選んだ人数と割合です。棒の長さは割合を表します。
      </p>
      <div className="dist-grid">
        {results.questions.map((q) => (
          <TableScroll key={q.itemKey} label={labelOf(q.itemKey, q.label)}>
            <table className="table">
              <caption>{labelOf(q.itemKey, q.label)}</caption>
              <thead>
                <tr>
                  <th scope="col">答え</th>
                  <th scope="col" className="num">
                    人数
                  </th>
                  <th scope="col" className="num">
                    割合
                  </th>
                  <th scope="col" className="dist-bar-cell">
                    <span className="visually-hidden">割合の棒</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[
                  ...q.options.map((o) => ({ key: o.code, label: `${o.code}. ${o.label}`, cell: o.count })),
                  {
                    key: '__none',
                    label: '無回答',
                    cell: q.unanswered,
                  },
                ].map((row) => {
                  const share =
                    row.cell.shown && row.cell.value !== null && total > 0
                      ? (row.cell.value / total) * 100
                      : null;
                  return (
                    <tr key={row.key}>
                      <th scope="row" className="wrap">
                        {row.label}
                      </th>
                      <td className="num">
                        <CellText cell={row.cell} />
                      </td>
                      <td className="num">{share === null ? '—' : `${share.toFixed(1)}%`}</td>
                      <td className="dist-bar-cell" aria-hidden="true">
                        {share !== null && <span className="dist-bar" style={{ width: `${share}%` }} />}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        ))}
      </div>
    </section>
  );
}

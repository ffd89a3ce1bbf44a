import { LAYER_SHORT } from '../../../domain/areas';
import { addMonthsTo, formatYearMonth, monthLabel, monthOf } from '../../../domain/print-calendar';
import type { AreaRow } from '../areas';
import { type Html, html, page, raw } from '../portal';
import type { PublicDirectory } from '../resources';
import { wholeTownName } from './booklet.data';
import type { PrintJob } from './jobs';
import { printUrl } from './urls';

/*
 * The pages of printed matter, server-rendered and usable without JavaScript: plain forms (GET for
 * the PDFs made at once, POST for the booklet, which is made as a job), and a job page that
 * reloads itself every two seconds until the file is ready.
 */

export interface FormState {
  values: { area: string; size: string; large: boolean };
  errors: Partial<Record<'area' | 'size' | 'large', string>>;
}

export const EMPTY_FORM: FormState = { values: { area: '', size: 'A4', large: false }, errors: {} };

/** 圏域 with their 地区, for selects grouped the way the town is organised. */
function areaGroups(dir: PublicDirectory): { head: AreaRow | null; members: AreaRow[] }[] {
  const areas = dir.currentAreas;
  const regions = areas.filter((a) => a.layer === 2);
  const groups = regions.map((r) => ({
    head: r as AreaRow | null,
    members: areas.filter((a) => a.parentId === r.id),
  }));
  const loose = areas.filter((a) => a.layer === 3 && !regions.some((r) => r.id === a.parentId));
  if (loose.length > 0) groups.push({ head: null, members: loose });
  return groups;
}

function areaOptions(dir: PublicDirectory, selected: string, whole: string): Html {
  const option = (a: AreaRow, label = a.name) =>
    html`<option value="${a.id}"${a.id === selected ? raw(' selected') : ''}>${label}</option>`;
  return html`<option value="">${whole}</option>
${areaGroups(dir).map((g) =>
  g.head
    ? html`<optgroup label="${g.head.name}">${option(g.head, `${g.head.name}（圏域全体）`)}${g.members.map((m) => option(m))}</optgroup>`
    : html`<optgroup label="地区">${g.members.map((m) => option(m))}</optgroup>`,
)}`;
}

function categoryOptions(dir: PublicDirectory): Html {
  const tops = dir.terms.filter((t) => !t.parentCode);
  return html`<option value="">すべての分類</option>
${tops.map(
  (t) =>
    html`<option value="${t.code}">${t.name}</option>${dir.terms
      .filter((c) => c.parentCode === t.code)
      .map((c) => html`<option value="${c.code}">　${c.name}</option>`)}`,
)}`;
}

function fieldError(id: string, message: string | undefined): Html {
  return message ? html`<p class="notice" id="${id}-error"><strong>${message}</strong></p>` : html``;
}

const describedBy = (id: string, hint: boolean, error: string | undefined) => {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids ? raw(` aria-describedby="${ids}"`) : '';
};
const invalid = (error: string | undefined) => (error ? raw(' aria-invalid="true"') : '');

export function printsPage(dir: PublicDirectory, form: FormState = EMPTY_FORM, notice?: string): Html {
  const t = dir.tenant;
  const whole = wholeTownName(t.name);
  const errors = Object.values(form.errors).filter(Boolean);
  const next = formatYearMonth(addMonthsTo(monthOf(dir.today), 1));
  // One button per area (44 px targets), under the 圏域 they belong to.
  const root = dir.currentAreas.find((a) => a.layer === 1);
  const sheetGroups = [
    ...(root ? [{ title: whole, areas: [{ id: root.id, label: whole }] }] : []),
    ...areaGroups(dir).map((g) => ({
      title: g.head ? `${g.head.name}（${LAYER_SHORT[2]}）` : `地区（${LAYER_SHORT[3]}）`,
      areas: [
        ...(g.head ? [{ id: g.head.id, label: `${g.head.name}の全体` }] : []),
        ...g.members.map((m) => ({ id: m.id, label: m.name })),
      ],
    })),
  ];
  return page({
    tenant: t,
    title: '便利帳・カレンダーを印刷する',
    current: 'prints',
    description: `${t.name}の生活便利帳、月ごとの活動カレンダー、わがまちこんなとこシートを印刷用のPDFで作ります。`,
    body: html`<h1>便利帳・カレンダーを印刷する</h1>
<p class="lead">紙でお使いいただけるように、印刷用のファイル（PDF）を作ります。ご家族やお知り合いにも渡せます。</p>
${notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : ''}
${
  errors.length > 0
    ? html`<div class="notice" role="alert" id="booklet-errors"><p><strong>生活便利帳を作れませんでした。</strong>次のところをお確かめください。</p><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div>`
    : ''
}

<section aria-labelledby="booklet-title">
<h2 id="booklet-title">生活便利帳（冊子）</h2>
<p>地域の活動やサービスを、分類ごとにまとめた冊子です。「何を・どこで・いつ・いくら・電話」がひと目でわかり、もくじと名前のさくいんがついています。</p>
<form method="post" action="${printUrl.booklet(t.code)}">
  <div class="field">
    <label for="booklet-area">地域</label>
    <p class="hint" id="booklet-area-hint">地域を選ぶと、その地域の活動に加えて、圏域や${whole}で利用できるものも載せます。</p>
    ${fieldError('booklet-area', form.errors.area)}
    <select id="booklet-area" name="area"${describedBy('booklet-area', true, form.errors.area)}${invalid(form.errors.area)}>
      ${areaOptions(dir, form.values.area, whole)}
    </select>
  </div>
  <fieldset${describedBy('booklet-size', false, form.errors.size)}>
    <legend>用紙の大きさ</legend>
    ${fieldError('booklet-size', form.errors.size)}
    <label class="check"><input type="radio" name="size" value="A4"${form.values.size !== 'A5' ? raw(' checked') : ''}> A4（ふつうの書類の大きさ）</label>
    <label class="check"><input type="radio" name="size" value="A5"${form.values.size === 'A5' ? raw(' checked') : ''}> A5（A4の半分・持ち歩きやすい大きさ）</label>
  </fieldset>
  <div class="field">
    ${fieldError('booklet-large', form.errors.large)}
    <label class="check"><input type="checkbox" name="large" value="1" id="booklet-large"${form.values.large ? raw(' checked') : ''}> 大きな文字で作る（ページが増えます）</label>
  </div>
  <p><button type="submit">生活便利帳を作る</button></p>
  <p class="small muted">町全体の冊子は100ページを超えることがあります。作っているあいだは、進み具合をお見せします。</p>
</form>
</section>

<section aria-labelledby="calendar-title">
<h2 id="calendar-title">活動カレンダー（月ごと）</h2>
<p>1か月の活動を、日にちごとの表にしたものです（A4横）。土・日・祝日がわかり、祝日などでお休みの日には「休」と書いてあります。</p>
<form method="get" action="${printUrl.calendar(t.code)}">
  <div class="field">
    <label for="calendar-month">月</label>
    <p class="hint" id="calendar-month-hint">例：${next}（${monthLabel(addMonthsTo(monthOf(dir.today), 1))}）</p>
    <input type="month" id="calendar-month" name="month" value="${next}" aria-describedby="calendar-month-hint">
  </div>
  <div class="field">
    <label for="calendar-area">地域</label>
    <select id="calendar-area" name="area">${areaOptions(dir, '', whole)}</select>
  </div>
  <div class="field">
    <label for="calendar-category">分類</label>
    <select id="calendar-category" name="category">${categoryOptions(dir)}</select>
  </div>
  <p><button type="submit">カレンダーを作る（PDF）</button></p>
</form>
</section>

<section aria-labelledby="sheet-title">
<h2 id="sheet-title">わがまちこんなとこシート</h2>
<p>地域ごとに、人口のようす、活動やサービスの数、地図、地域のよいところ（お宝）と気になることを1枚（A4）にまとめたものです。地域の話し合いにお使いください。</p>
<p class="small muted">どれも PDF です。</p>
${sheetGroups.map(
  (g) => html`<h3>${g.title}</h3>
<ul class="pager">${g.areas.map(
    (a) =>
      html`<li><a class="button button--quiet" href="${printUrl.sheet(t.code, a.id)}">${a.label}<span class="visually-hidden">のこんなとこシート（PDF）</span></a></li>`,
  )}</ul>`,
)}
</section>`,
  });
}

/** The browser's default bar is a thumb's width; the page's own stylesheet has no rule for it. */
const BAR = raw(' style="width: 100%; max-width: 32rem; height: 1.5rem"');

function sizeText(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1)}MB`
    : `${Math.max(1, Math.round(bytes / 1000))}KB`;
}

/** The job page: refreshes itself while the job runs; offers the file when it is done. */
export function jobPage(dir: PublicDirectory, job: PrintJob, ahead: number): Html {
  const t = dir.tenant;
  const running = job.status === 'queued' || job.status === 'loading' || job.status === 'running';
  const p = job.progress;
  let heading: string;
  let status: string;
  if (job.status === 'queued') {
    heading = `${job.title}を作る順番を待っています`;
    status = ahead > 0 ? `前に${ahead}件あります。このままお待ちください。` : 'まもなく始めます。';
  } else if (job.status === 'loading' || !p) {
    heading = `${job.title}を作っています`;
    status = '載せる情報を集めています。';
  } else if (job.status === 'running') {
    heading = `${job.title}を作っています`;
    status =
      p.phase === 'layout'
        ? `${p.total}件中${p.done}件をページに並べました（1／2）。`
        : `${p.total}件中${p.done}件をファイルに書き出しました（2／2）。`;
  } else if (job.status === 'done') {
    heading = `${job.title}ができました`;
    status = `${job.pages ?? '—'}ページ、${sizeText(job.pdf?.length ?? 0)}です。`;
  } else {
    heading = `${job.title}を作れませんでした`;
    status = `申し訳ありません。時間をおいて、もう一度お試しください。お問い合わせのときは、この番号をお伝えください：${job.errorRef ?? '—'}`;
  }
  const progress = running
    ? p && job.status === 'running'
      ? html`<progress max="${p.total}" value="${p.done}" aria-labelledby="job-status"${BAR}>${p.total}件中${p.done}件</progress>`
      : html`<progress aria-labelledby="job-status"${BAR}>準備しています</progress>`
    : '';
  return page({
    tenant: t,
    title: heading,
    current: 'prints',
    head: running ? html`<meta http-equiv="refresh" content="2">` : undefined,
    body: html`<h1>${heading}</h1>
${progress ? html`<p>${progress}</p>` : ''}
<p id="job-status" class="lead" role="status" aria-live="polite">${status}</p>
${
  job.status === 'done'
    ? html`<p><a class="button" href="${printUrl.jobFile(t.code, job.id)}" download>PDFをダウンロードする</a></p>
<p class="small">ファイル名：${job.fileName}</p>
<p class="small muted">このページのアドレスで、30分のあいだダウンロードできます。</p>`
    : running
      ? html`<p class="small muted">このページは2秒ごとに新しくなります。閉じても、30分のあいだはこのアドレスで受け取れます。</p>`
      : ''
}
<p><a href="${printUrl.prints(t.code)}">便利帳・カレンダーの印刷に戻る</a></p>`,
  });
}

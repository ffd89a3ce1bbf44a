import type { PortalSearchQuery } from '../../../../contracts/portal';
import { KANJI_DAYS, WEEK_ORDER } from '../../../../domain/schedule-rrule';
import type { PublicDirectory } from '../../resources';
import { type Html, html, portalUrl } from '../layout';

/**
 * The search form as residents ask: a keyword, どこで (an area from the list, or an address or
 * 町丁 typed — never GPS), いつ (a weekday or this week), 無料だけ. A plain GET form: it works
 * without JavaScript and the URL can be bookmarked or read out over the phone.
 */
export function searchForm(dir: PublicDirectory, q: Partial<PortalSearchQuery>, compact = false): Html {
  const t = dir.tenant.code;
  const layer2 = dir.currentAreas.filter((a) => a.layer === 2);
  const under = (id: string) => dir.currentAreas.filter((a) => a.parentId === id && a.layer === 3);
  const selected = (v: boolean) => (v ? html` selected` : '');
  const checked = (v: boolean) => (v ? html` checked` : '');
  return html`<form class="search" action="${portalUrl.search(t)}" method="get" role="search" aria-label="地域の助け合いをさがす">
${q.group ? html`<input type="hidden" name="group" value="${q.group}">` : ''}
${q.category ? html`<input type="hidden" name="category" value="${q.category}">` : ''}
<div class="field">
  <label for="q">ことばでさがす</label>
  <p class="hint" id="q-hint">例：サロン、体操、買い物、配食、ゴミ出し（ひらがなでも探せます）</p>
  <input type="search" id="q" name="q" value="${q.q ?? ''}" aria-describedby="q-hint" autocomplete="off">
</div>
${
  compact
    ? ''
    : html`<div class="field">
  <label for="area">どこで（地区）</label>
  <select id="area" name="area">
    <option value="">町全体</option>
    ${layer2.map(
      (a) => html`<optgroup label="${a.name}">
      <option value="${a.id}"${selected(q.area === a.id)}>${a.name}の全体</option>
      ${under(a.id).map((s) => html`<option value="${s.id}"${selected(q.area === s.id)}>${s.name}</option>`)}
    </optgroup>`,
    )}
  </select>
</div>
<div class="field">
  <label for="place">または、住所・町名を入れる</label>
  <p class="hint" id="place-hint">例：本町2丁目（町名だけでも大丈夫です）</p>
  <input type="text" id="place" name="place" value="${q.place ?? ''}" aria-describedby="place-hint" autocomplete="street-address">
</div>
<fieldset>
  <legend>いつ</legend>
  <label class="check"><input type="radio" name="when" value=""${checked(q.when === undefined)}>いつでも</label>
  <label class="check"><input type="radio" name="when" value="this-week"${checked(q.when === 'this-week')}>今週（今日から7日）</label>
  ${WEEK_ORDER.map(
    (d) =>
      html`<label class="check"><input type="radio" name="when" value="${d}"${checked(q.when === String(d))}>${KANJI_DAYS[d]}曜日</label>`,
  )}
</fieldset>
<fieldset>
  <legend>料金</legend>
  <label class="check"><input type="checkbox" name="free" value="1"${checked(q.free === '1')}>無料のものだけ</label>
</fieldset>`
}
<p><button type="submit">${iconSearch}さがす</button></p>
</form>`;
}

const iconSearch = html`<svg aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"><circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/></svg>`;

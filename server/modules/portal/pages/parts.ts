import * as lucide from 'lucide';
import type { PublicResource } from '../../../../contracts/portal';
import { formatMonthDay, formatWareki } from '../../../../domain/dates';
import { GROUP_LOOK, type PortalGroup } from '../../../../domain/life-support-taxonomy';
import type { PublicDirectory } from '../../resources';
import { type Html, html, portalUrl, raw } from '../layout';

/*
 * Pieces every public page shares. A resource card answers, in this order, what a resident asks:
 * 何を, どこで, いつ, いくら, 申込, 電話 — the phone number large and a tel: link.
 */

type IconNode = [string, Record<string, string | number>][];

/** An inline Lucide icon (decorative: the word is always beside it). */
export function icon(name: string, size = 28): Html {
  const node = (lucide as unknown as Record<string, IconNode | undefined>)[name] ?? lucide.Tag;
  const inner = (node as IconNode)
    .map(
      ([tag, attrs]) =>
        `<${tag} ${Object.entries(attrs)
          .map(([k, v]) => `${k}="${v}"`)
          .join(' ')}/>`,
    )
    .join('');
  return raw(
    `<svg aria-hidden="true" focusable="false" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${inner}</svg>`,
  );
}

/** The 大分類 a category belongs to (for its colour, icon and word). */
export function groupOf(dir: PublicDirectory, code: string): PortalGroup | 'other' {
  const g = dir.terms.find((t) => t.code === code)?.portalGroup;
  return g && g in GROUP_LOOK ? (g as PortalGroup) : 'other';
}

export function categoryTags(dir: PublicDirectory, r: PublicResource): Html {
  return html`${r.categories.map((c) => {
    const look = GROUP_LOOK[groupOf(dir, c.code)];
    return html`<span class="tag" style="--cat:${look.color}">${icon(look.icon, 18)}${c.name}</span>`;
  })}`;
}

/** 「0120-00-0000」 → tel:0120000000 */
export const telHref = (n: string) => `tel:${n.normalize('NFKC').replace(/[^\d+]/g, '')}`;

export function phoneLinks(r: PublicResource): Html {
  if (r.phones.length === 0) return html`<span class="muted">電話での受付はありません</span>`;
  return html`${r.phones.map(
    (p) =>
      html`<a class="tel" href="${telHref(p.number)}">${icon('Phone', 26)}<span>${p.number}</span></a>${
        p.description ? html`<span class="small">（${p.description}）</span>` : ''
      }<br>`,
  )}`;
}

export function whenText(r: PublicResource): Html {
  if (r.schedules.length === 0) return html`<span class="muted">お問い合わせください</span>`;
  return html`${r.schedules.map((s, i) => html`${i > 0 ? html`<br>` : ''}${s.description}`)}`;
}

export function whereText(r: PublicResource): Html {
  const l = r.location;
  if (!l) {
    const areas = r.areas.map((a) => a.name).join('・');
    return areas
      ? html`${areas}（訪問・送迎など、場所を持たない活動です）`
      : html`<span class="muted">お問い合わせください</span>`;
  }
  return html`${l.name ? html`${l.name}<br>` : ''}<span class="small">${l.address}</span>`;
}

export function staleNote(r: PublicResource): Html {
  if (!r.stale) return '' as unknown as Html;
  const when = r.lastVerifiedAt ? formatWareki(r.lastVerifiedAt.slice(0, 10)) : null;
  return html`<p class="stale">${
    when ? `この情報は${when}に確認したものです。` : 'この情報は、しばらく確認できていません。'
  }変わっていることがありますので、お出かけの前にお電話でお確かめください。</p>`;
}

export function statusNote(r: PublicResource): Html {
  return r.status === 'temporarily closed'
    ? html`<p class="status">ただいま一時休止中です。再開はお問い合わせください。</p>`
    : ('' as unknown as Html);
}

/** A result card; `heading` is h2 on the search page, h3 under a category heading. */
export function resourceCard(dir: PublicDirectory, r: PublicResource, heading: 'h2' | 'h3' = 'h2'): Html {
  const href = portalUrl.resource(dir.tenant.code, r.id);
  const title = html`<a href="${href}">${r.name}</a>`;
  const next = r.schedules.flatMap((s) => s.nextDates).sort()[0];
  return html`<li class="card">
${heading === 'h2' ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
<p>${categoryTags(dir, r)}</p>
${statusNote(r)}
<dl>
  <dt>何を</dt><dd>${summary(r.description) || r.categories.map((c) => c.name).join('・')}</dd>
  <dt>どこで</dt><dd>${whereText(r)}</dd>
  <dt>いつ</dt><dd>${whenText(r)}${next ? html`<br><span class="small">次は ${formatMonthDay(next)}</span>` : ''}</dd>
  <dt>いくら</dt><dd>${r.feeText || 'お問い合わせください'}</dd>
  ${r.applicationProcess ? html`<dt>申込</dt><dd>${r.applicationProcess}</dd>` : ''}
  <dt>電話</dt><dd>${phoneLinks(r)}</dd>
</dl>
${staleNote(r)}
</li>`;
}

/** The first sentence or so: cards stay short, the detail page has the rest. */
export function summary(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if ([...t].length <= max) return t;
  const cut = [...t].slice(0, max).join('');
  const stop = cut.lastIndexOf('。');
  return stop > max / 2 ? cut.slice(0, stop + 1) : `${cut}…`;
}

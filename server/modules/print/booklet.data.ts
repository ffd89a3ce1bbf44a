import type { PublicResource } from '../../../contracts/portal';
import { type IsoDate, todayInTokyo } from '../../../domain/dates';
import { type GojuonRow, gojuonIndex } from '../../../domain/print-kana';
import type { PublicTenant } from '../resources';

/*
 * What the 生活便利帳 prints, prepared from public resources: plain data (it crosses to the PDF
 * worker thread), already in the order and grouping of the booklet. Only fields of
 * `PublicResource` exist here, so nothing private can reach the paper.
 */

export type PaperSize = 'A4' | 'A5';

export interface BookletEntry {
  id: string;
  name: string;
  /** 一時休止中 */
  paused: boolean;
  organizationName: string | null;
  description: string;
  eligibility: string;
  /** 「峰野会館（北海道ささえ町峰野1-2）」 */
  place: string | null;
  access: string | null;
  schedules: string[];
  fee: string;
  apply: string;
  phones: { number: string; label: string }[];
  /** Mail and web addresses, printed small under the phone. */
  other: string[];
  /** For entries past their check date: the day they were last confirmed (null: not known). */
  stale: boolean;
  checkedOn: IsoDate | null;
}

export interface BookletSection {
  code: string;
  name: string;
  entries: BookletEntry[];
  /** Entries printed in another section that also belong here: name and where to look. */
  seeAlso: { id: string; name: string }[];
}

export interface BookletData {
  tenant: PublicTenant;
  /** 「北部圏域」 or 「町全体」 */
  scopeName: string;
  /** 「第2層（日常生活圏域）」 for an area, null for the whole town. */
  scopeLayer: string | null;
  today: IsoDate;
  size: PaperSize;
  large: boolean;
  sections: BookletSection[];
  index: { row: GojuonRow; items: { id: string; name: string; reading: string }[] }[];
  /** How many entries the booklet prints (each once). */
  total: number;
}

export interface TermLike {
  code: string;
  name: string;
  parentCode: string | null;
}

/** 町全体, 市全体, 村全体 … by the last character of the municipality's name. */
export function wholeTownName(tenantName: string): string {
  const last = tenantName.slice(-1);
  return `${['市', '町', '村', '区'].includes(last) ? last : '市町村'}全体`;
}

/** The top of a category's tree (介護予防教室 → itself; 移動販売 → 買い物支援). */
function topOf(code: string, byCode: Map<string, TermLike>): string | null {
  let term = byCode.get(code);
  const seen = new Set<string>();
  while (term?.parentCode && !seen.has(term.code)) {
    seen.add(term.code);
    const parent = byCode.get(term.parentCode);
    if (!parent) break;
    term = parent;
  }
  return term?.code ?? null;
}

export function bookletEntry(r: PublicResource): BookletEntry {
  const place = r.location
    ? [r.location.name, r.location.address].filter(Boolean).join('\u3000') || null
    : null;
  const phones = [
    ...r.phones.map((p) => ({ number: p.number, label: p.description })),
    ...r.contacts
      .filter((c) => c.phone)
      .map((c) => ({ number: c.phone, label: [c.title, c.name].filter(Boolean).join(' ') })),
  ];
  return {
    id: r.id,
    name: r.name,
    paused: r.status === 'temporarily closed',
    organizationName: r.organizationName,
    description: r.description,
    eligibility: r.eligibility,
    place,
    access: r.location?.transportation || null,
    schedules: r.schedules.map((s) => s.description).filter(Boolean),
    fee: r.feeText,
    apply: r.applicationProcess,
    phones,
    other: [r.email, r.url].filter(Boolean),
    stale: r.stale,
    checkedOn: r.stale && r.lastVerifiedAt ? todayInTokyo(new Date(r.lastVerifiedAt)) : null,
  };
}

const OTHER_SECTION = { code: '_other', name: 'その他' };

/**
 * Sections by top-level category in the taxonomy's order. Each resource is printed once, in the
 * section of its first category; the other sections it belongs to list it under 「ほかのページ
 * にも載っています」 so a reader looking under 食事 still finds the salon that serves lunch.
 */
export function bookletSections(
  resources: readonly PublicResource[],
  terms: readonly TermLike[],
  readings: ReadonlyMap<string, string>,
): { sections: BookletSection[]; index: BookletData['index'] } {
  const byCode = new Map(terms.map((t) => [t.code, t]));
  const tops = terms.filter((t) => !t.parentCode);
  const sections = new Map<string, BookletSection>(
    [...tops, OTHER_SECTION].map((t) => [t.code, { code: t.code, name: t.name, entries: [], seeAlso: [] }]),
  );
  const collator = new Intl.Collator('ja');
  const sorted = [...resources].sort((a, b) =>
    collator.compare(readings.get(a.id) ?? a.name, readings.get(b.id) ?? b.name),
  );
  for (const r of sorted) {
    const codes = [
      ...new Set(r.categories.map((c) => topOf(c.code, byCode)).filter((c): c is string => c !== null)),
    ];
    const [primary = OTHER_SECTION.code, ...others] = codes.filter((c) => sections.has(c));
    sections.get(primary)!.entries.push(bookletEntry(r));
    for (const o of others) sections.get(o)!.seeAlso.push({ id: r.id, name: r.name });
  }
  const index = gojuonIndex(
    sorted.map((r) => ({ id: r.id, name: r.name, reading: readings.get(r.id) ?? r.name })),
  );
  return { sections: [...sections.values()].filter((s) => s.entries.length + s.seeAlso.length > 0), index };
}

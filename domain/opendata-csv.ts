// Rows of the 自治体標準オープンデータセット files a tenant publishes: イベント一覧 (one row per
// recurring gathering's schedule) and 公共施設一覧 (one row per resource with a place). Column names
// follow the new generation (正式版) common block — 全国地方公共団体コード, ID, 地方公共団体名,
// 所在地_連結表記 … — with each dataset's own columns as the old generation names them (standards §8.3;
// the 正式版 event and facility sheets themselves were not available to check, see docs/open-data.md).

import type { CsvCell } from './csv-write';
import type { FeedRule } from './opendata-ics';
import { KANJI_DAYS, WEEK_ORDER } from './schedule-rrule';

/** The publishing municipality. */
export interface OpenDataPublisher {
  code: string;
  name: string;
  prefecture: string;
}

/** The public facts of one resource these files are built from (a `PublicResource` fits). */
export interface OpenDataResource {
  id: string;
  name: string;
  kana: string;
  alternateName: string;
  description: string;
  status: 'active' | 'temporarily closed';
  categories: { code: string; name: string }[];
  organizationName: string | null;
  capacity: number | null;
  applicationProcess: string;
  feeText: string;
  schedules: { rule: FeedRule; description: string; nextDates: string[] }[];
  location: {
    name: string;
    address: string;
    latitude: number | null;
    longitude: number | null;
    accessibility: string;
    transportation: string;
  } | null;
  phones: { number: string; description: string }[];
  contacts: { name: string; title: string; phone: string; email: string }[];
  lastVerifiedAt: string | null;
}

export const EVENT_COLUMNS = [
  '全国地方公共団体コード',
  'ID',
  '地方公共団体名',
  'イベント名',
  'イベント名_カナ',
  'イベント名_英語',
  '開始日',
  '終了日',
  '開始時間',
  '終了時間',
  '開始日時特記事項',
  '説明',
  '料金(基本)',
  '料金(詳細)',
  '連絡先名称',
  '連絡先電話番号',
  '連絡先内線番号',
  '主催者',
  '場所名称',
  '所在地_全国地方公共団体コード',
  '所在地_連結表記',
  '所在地_都道府県',
  '所在地_市区町村',
  '建物名等(方書)',
  '緯度',
  '経度',
  'アクセス方法',
  '駐車場情報',
  '定員',
  '参加申込終了日',
  '参加申込終了時間',
  '参加申込方法',
  'URL',
  '備考',
] as const;

export const FACILITY_COLUMNS = [
  '全国地方公共団体コード',
  'ID',
  '地方公共団体名',
  '名称',
  '名称_カナ',
  '名称_英語',
  '名称_通称',
  'POIコード',
  '所在地_全国地方公共団体コード',
  '所在地_連結表記',
  '所在地_都道府県',
  '所在地_市区町村',
  '建物名等(方書)',
  '緯度',
  '経度',
  '電話番号',
  '内線番号',
  '法人番号',
  '団体名',
  '利用可能曜日',
  '開始時間',
  '終了時間',
  '利用可能日時特記事項',
  '説明',
  'バリアフリー情報',
  'URL',
  '備考',
] as const;

type EventColumn = (typeof EVENT_COLUMNS)[number];
type FacilityColumn = (typeof FACILITY_COLUMNS)[number];

/** Hiragana → 全角カタカナ (the standard's _カナ columns); everything else unchanged. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** Where an address is, as far as its one line tells: in this municipality or elsewhere. */
export function addressParts(address: string, p: OpenDataPublisher) {
  const inPrefecture = address.startsWith(p.prefecture);
  const rest = inPrefecture ? address.slice(p.prefecture.length) : address;
  // 「ささえ町本町1-2」 without the prefecture is still in town; another prefecture's address never is.
  const inTown = p.name !== '' && rest.startsWith(p.name);
  return {
    prefecture: inPrefecture || inTown ? p.prefecture : '',
    city: inTown ? p.name : '',
    code: inTown ? p.code : '',
  };
}

/** The phone residents should call and whose it is: a public phone first, else a public contact. */
export function contactOf(r: OpenDataResource): { name: string; phone: string } {
  const phone = r.phones[0];
  if (phone) return { name: phone.description || r.organizationName || '', phone: phone.number };
  const person = r.contacts.find((c) => c.phone !== '');
  if (person) return { name: person.title || person.name, phone: person.phone };
  return { name: r.organizationName ?? '', phone: '' };
}

const coord = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));

/** Monday-first weekday letters (月火水木金), as 高松市's files and our importer read them. */
export function weekdayLetters(days: readonly number[]): string {
  const set = new Set(days);
  return WEEK_ORDER.filter((d) => set.has(d))
    .map((d) => KANJI_DAYS[d])
    .join('');
}

const verifiedNote = (r: OpenDataResource) =>
  r.lastVerifiedAt ? `内容の確認日：${r.lastVerifiedAt.slice(0, 10)}` : '';

function common(p: OpenDataPublisher, r: OpenDataResource) {
  const loc = r.location;
  const where = addressParts(loc?.address ?? '', p);
  return { loc, where, contact: contactOf(r) };
}

/**
 * イベント一覧: one row per schedule of each resource that is running (休止中 ones are left out). A
 * recurring gathering has no end date, so each row describes its next session — 開始日 = 終了日 = the
 * next date — and says the rule in words in 開始日時特記事項, with the following dates in 備考. A
 * schedule without known dates (「不定期」) still gets a row, with empty dates and its words.
 */
export function eventRows(
  p: OpenDataPublisher,
  resources: readonly OpenDataResource[],
  pageUrl: (id: string) => string,
): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const r of resources) {
    if (r.status !== 'active') continue;
    const { loc, where, contact } = common(p, r);
    r.schedules.forEach((s, i) => {
      const next = s.nextDates[0] ?? '';
      const later = s.nextDates.slice(1);
      const cells: Record<EventColumn, CsvCell> = {
        全国地方公共団体コード: p.code,
        ID: `${r.id}-${i + 1}`,
        地方公共団体名: `${p.prefecture}${p.name}`,
        イベント名: r.name,
        イベント名_カナ: toKatakana(r.kana),
        イベント名_英語: '',
        開始日: next,
        終了日: next,
        開始時間: s.rule.opensAt ?? '',
        終了時間: s.rule.closesAt ?? '',
        開始日時特記事項: s.description,
        説明: r.description,
        '料金(基本)': r.feeText,
        '料金(詳細)': '',
        連絡先名称: contact.name,
        連絡先電話番号: contact.phone,
        連絡先内線番号: '',
        主催者: r.organizationName ?? '',
        場所名称: loc?.name ?? '',
        所在地_全国地方公共団体コード: where.code,
        所在地_連結表記: loc?.address ?? '',
        所在地_都道府県: where.prefecture,
        所在地_市区町村: where.city,
        '建物名等(方書)': '',
        緯度: coord(loc?.latitude),
        経度: coord(loc?.longitude),
        アクセス方法: loc?.transportation ?? '',
        駐車場情報: '',
        定員: r.capacity,
        参加申込終了日: '',
        参加申込終了時間: '',
        参加申込方法: r.applicationProcess,
        URL: pageUrl(r.id),
        備考: [later.length > 0 ? `その後の開催日：${later.join('、')}` : '', verifiedNote(r)]
          .filter(Boolean)
          .join('。'),
      };
      rows.push(EVENT_COLUMNS.map((c) => cells[c]));
    });
  }
  return rows;
}

/**
 * 公共施設一覧: one row per resource that has a place. 名称 is the resource (峰野ふれあいサロン) and its
 * place (峰野会館) goes in 建物名等(方書), because several resources often share one hall. Weekdays and
 * times come from the schedules when they agree; every schedule's words are in 利用可能日時特記事項.
 */
export function facilityRows(
  p: OpenDataPublisher,
  resources: readonly OpenDataResource[],
  pageUrl: (id: string) => string,
): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const r of resources) {
    const { loc, where, contact } = common(p, r);
    if (!loc) continue;
    const rules = r.schedules.map((s) => s.rule);
    const same = (k: 'opensAt' | 'closesAt') =>
      rules.length > 0 && rules.every((x) => x[k] === rules[0]![k]) ? (rules[0]![k] ?? '') : '';
    const cells: Record<FacilityColumn, CsvCell> = {
      全国地方公共団体コード: p.code,
      ID: r.id,
      地方公共団体名: `${p.prefecture}${p.name}`,
      名称: r.name,
      名称_カナ: toKatakana(r.kana),
      名称_英語: '',
      名称_通称: r.alternateName,
      POIコード: '',
      所在地_全国地方公共団体コード: where.code,
      所在地_連結表記: loc.address,
      所在地_都道府県: where.prefecture,
      所在地_市区町村: where.city,
      '建物名等(方書)': loc.name === r.name ? '' : loc.name,
      緯度: coord(loc.latitude),
      経度: coord(loc.longitude),
      電話番号: contact.phone,
      内線番号: '',
      法人番号: '',
      団体名: r.organizationName ?? '',
      利用可能曜日: weekdayLetters(rules.flatMap((x) => x.weekdays)),
      開始時間: same('opensAt'),
      終了時間: same('closesAt'),
      利用可能日時特記事項: r.schedules.map((s) => s.description).join('／'),
      説明: r.description,
      バリアフリー情報: loc.accessibility,
      URL: pageUrl(r.id),
      備考: [
        r.status === 'temporarily closed' ? '休止中' : '',
        r.categories.length > 0 ? `分類：${r.categories.map((c) => c.name).join('・')}` : '',
        r.feeText ? `料金：${r.feeText}` : '',
        verifiedNote(r),
      ]
        .filter(Boolean)
        .join('。'),
    };
    rows.push(FACILITY_COLUMNS.map((c) => cells[c]));
  }
  return rows;
}

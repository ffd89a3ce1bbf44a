import { coordinateProblem } from './resources';
import { headerKey, normalizeText } from './text';

/*
 * Turning the rows of a municipality's resource list into resources: which column means what (a
 * default mapping that knows the 自治体標準オープンデータセット names, 高松市's English names and
 * the free-form properties of GeoJSON points), and each row read into fields with row-level,
 * Japanese problems. Pure: categories are resolved by a function the caller passes in.
 */

export type ImportField =
  | 'sourceId'
  | 'name'
  | 'kana'
  | 'category'
  | 'description'
  | 'organization'
  | 'locationName'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'latLon'
  | 'phone'
  | 'url'
  | 'email'
  | 'schedule'
  | 'weekdays'
  | 'opensAt'
  | 'closesAt'
  | 'scheduleNote'
  | 'capacity'
  | 'fees'
  | 'eligibility'
  | 'applicationProcess'
  | 'status'
  | 'notes'
  | 'area';

/** Header words per field, compared after headerKey(): the ODS names, their variants, and the wild. */
const HEADER_WORDS: Record<ImportField, string[]> = {
  sourceId: [
    'id',
    '#property',
    'no',
    'no.',
    '番号',
    '元データのid',
    '識別子',
    'poiコード',
    '事業所番号',
    '介護保険事業所番号',
  ],
  name: [
    '名称',
    'name',
    '施設名',
    '施設名称',
    '事業所名',
    '介護サービス事業所名称',
    '団体名称',
    'イベント名',
    'タイトル',
    'title',
    '資源名',
    '活動名',
  ],
  kana: [
    '名称_カナ',
    '名称カナ',
    'ふりがな',
    'よみがな',
    'フリガナ',
    'kana',
    '介護サービス事業所名称_カナ',
    'イベント名_カナ',
  ],
  category: [
    '分類',
    '種別',
    'カテゴリ',
    'カテゴリー',
    'category',
    'type',
    '種類',
    'service',
    '実施サービス',
    'サービス種別',
    'ジャンル',
  ],
  description: ['説明', '概要', '内容', 'description', '活動内容', '事業内容'],
  organization: [
    '法人の名称',
    '運営',
    '運営主体',
    '主催者',
    '主催',
    '事業者',
    '法人名',
    'organization',
    '運営団体',
    '団体名',
  ],
  locationName: ['場所名称', '会場', '場所', '開催場所', 'location_name', 'place'],
  address: ['所在地_連結表記', '所在地_連結標記', '住所', '所在地', 'address', '開催住所'],
  latitude: ['緯度', 'latitude', 'lat', 'y'],
  longitude: ['経度', 'longitude', 'lon', 'lng', 'long', 'x'],
  latLon: ['location', '位置', '座標', '緯度経度', 'latlng'],
  phone: [
    '電話番号',
    '電話',
    'tel',
    'telephone',
    'telephonenumber',
    'phone',
    '連絡先電話番号',
    '問い合わせ先電話番号',
  ],
  url: ['url', 'ホームページ', 'website', 'referenceobject', 'web', 'hp'],
  email: ['メール', 'email', 'e-mail', 'メールアドレス'],
  schedule: [
    '日時',
    '開催日時',
    '開催日',
    '日程',
    '開催時間',
    'opening_hours',
    'openinghours',
    'hours',
    '営業時間',
    '活動日',
    '活動日時',
  ],
  weekdays: ['利用可能曜日', '曜日', 'availabledate', '開催曜日', '営業日'],
  opensAt: ['開始時間', '利用開始時間', 'starttime', '開始時刻', 'opens', 'open'],
  closesAt: ['終了時間', '利用終了時間', 'endtime', '終了時刻', 'closes', 'close'],
  scheduleNote: [
    '利用可能日時特記事項',
    '利用可能曜日特記事項',
    'availabledatenote',
    '開始日時特記事項',
    '休業日',
    '休み',
  ],
  capacity: ['定員', 'capacity'],
  fees: ['料金', '料金(基本)', '料金(詳細)', '費用', '参加費', '利用料', 'fee', 'fees'],
  eligibility: ['対象', '対象者', '利用できる人', 'eligibility', '参加資格'],
  applicationProcess: ['申込方法', '参加申込方法', '申込', '申し込み', '申込み方法'],
  status: ['状態', 'status'],
  notes: ['備考', 'note', 'notes', 'メモ'],
  area: ['地区', '圏域', '日常生活圏域', '地域'],
};

const FIELD_BY_KEY = new Map<string, ImportField>();
for (const [field, words] of Object.entries(HEADER_WORDS) as [ImportField, string[]][]) {
  for (const w of words) if (!FIELD_BY_KEY.has(headerKey(w))) FIELD_BY_KEY.set(headerKey(w), field);
}

/** Suggests a field for each header; a field is given to its first column only. */
export function suggestMapping(headers: readonly string[]): Record<string, ImportField> {
  const out: Record<string, ImportField> = {};
  const used = new Set<ImportField>();
  for (const h of headers) {
    const field = FIELD_BY_KEY.get(headerKey(h));
    if (field && !used.has(field)) {
      out[h] = field;
      used.add(field);
    }
  }
  return out;
}

export interface RowIssue {
  line: number | null;
  column: string | null;
  message: string;
}

/** A row read into resource fields (the caller completes and validates the rest with the contract). */
export interface MappedRow {
  line: number;
  sourceId: string | null;
  name: string;
  kana: string;
  categoryText: string;
  description: string;
  organization: string;
  locationName: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  phone: string;
  url: string;
  email: string;
  /** Japanese schedule text to parse (composed from 曜日・時間・特記事項 columns when needed). */
  scheduleText: string;
  capacity: number | null;
  fees: string;
  eligibility: string;
  applicationProcess: string;
  status: string;
  notes: string;
  area: string;
}

/**
 * Cell text as people wrote it, minus the noise: spaces trimmed and collapsed, full-width letters
 * and digits as ASCII, half-width kana as full-width. Symbols such as ① and ： are kept (NFKC would
 * turn ① into 1).
 */
export function cleanCell(s: string | undefined): string {
  return (s ?? '')
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/[\uFF61-\uFF9F]+/g, (run) => run.normalize('NFKC'))
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(/^[-－―]$/, '');
}

const clean = cleanCell;

function toNumber(raw: string): number | null | 'bad' {
  const s = clean(raw).replace(/,/g, '');
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : 'bad';
}

/** 'H:MM' or 'HH:MM' (NFKC'd); 24:00 and later are refused. */
function toTime(raw: string): string | null | 'bad' {
  const s = clean(raw);
  if (!s) return null;
  const m = /^(\d{1,2})[:：時](\d{2})?分?$/.exec(s);
  if (!m) return 'bad';
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return 'bad';
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * Reads one row with a mapping. Problems name the line and the column as it is written in the
 * file, so staff can find it.
 */
export function readRow(
  line: number,
  headers: readonly string[],
  cells: readonly string[],
  mapping: Record<string, ImportField>,
): { row: MappedRow; errors: RowIssue[]; warnings: RowIssue[] } {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const column: Partial<Record<ImportField, string>> = {};
  const value: Partial<Record<ImportField, string>> = {};
  headers.forEach((h, i) => {
    const field = mapping[h];
    if (field && value[field] === undefined) {
      column[field] = h;
      value[field] = cells[i] ?? '';
    }
  });
  const at = (field: ImportField) => `${line}行目「${column[field] ?? field}」`;
  const text = (field: ImportField) => clean(value[field]);

  let latitude: number | null = null;
  let longitude: number | null = null;
  if (value.latLon !== undefined && text('latLon')) {
    const parts = text('latLon')
      .split(/[,、\s]+/)
      .map(Number);
    if (parts.length === 2 && parts.every(Number.isFinite)) [latitude, longitude] = parts as [number, number];
    else
      errors.push({
        line,
        column: column.latLon ?? null,
        message: `${at('latLon')}：「緯度,経度」の形で読めません（${text('latLon')}）。`,
      });
  } else {
    const lat = toNumber(value.latitude ?? '');
    const lon = toNumber(value.longitude ?? '');
    if (lat === 'bad')
      errors.push({
        line,
        column: column.latitude ?? null,
        message: `${at('latitude')}：数値として読めません（${text('latitude')}）。`,
      });
    if (lon === 'bad')
      errors.push({
        line,
        column: column.longitude ?? null,
        message: `${at('longitude')}：数値として読めません（${text('longitude')}）。`,
      });
    latitude = lat === 'bad' ? null : lat;
    longitude = lon === 'bad' ? null : lon;
  }
  const coordinate = coordinateProblem(latitude, longitude);
  if (coordinate) {
    errors.push({
      line,
      column: column.latitude ?? column.latLon ?? null,
      message: `${line}行目 緯度・経度：${coordinate}`,
    });
    latitude = null;
    longitude = null;
  }

  const opens = toTime(value.opensAt ?? '');
  const closes = toTime(value.closesAt ?? '');
  if (opens === 'bad')
    errors.push({
      line,
      column: column.opensAt ?? null,
      message: `${at('opensAt')}：「${text('opensAt')}」は時刻として正しくありません（0:00〜23:59）。`,
    });
  if (closes === 'bad')
    errors.push({
      line,
      column: column.closesAt ?? null,
      message: `${at('closesAt')}：「${text('closesAt')}」は時刻として正しくありません（0:00〜23:59）。`,
    });

  let scheduleText = text('schedule');
  if (!scheduleText) {
    const days = text('weekdays');
    const hours = opens && opens !== 'bad' ? `${opens}〜${closes && closes !== 'bad' ? closes : ''}` : '';
    scheduleText = [days, hours].filter(Boolean).join(' ');
  }
  const note = text('scheduleNote');
  if (note) scheduleText = [scheduleText, note].filter(Boolean).join(' ');

  const capacityRaw = toNumber(value.capacity ?? '');
  if (capacityRaw === 'bad')
    warnings.push({
      line,
      column: column.capacity ?? null,
      message: `${at('capacity')}：数値ではないので、定員は空にして説明に残します（${text('capacity')}）。`,
    });

  const name = text('name');
  if (!name)
    errors.push({
      line,
      column: column.name ?? null,
      message: `${line}行目「${column.name ?? '名称'}」：名称がありません。`,
    });

  const description = [text('description'), capacityRaw === 'bad' ? `定員：${text('capacity')}` : '']
    .filter(Boolean)
    .join('\n');
  return {
    row: {
      line,
      sourceId: text('sourceId') || null,
      name,
      kana: text('kana'),
      categoryText: text('category'),
      description,
      organization: text('organization'),
      locationName: text('locationName'),
      address: text('address'),
      latitude,
      longitude,
      phone: text('phone'),
      url: text('url'),
      email: text('email'),
      scheduleText,
      capacity: capacityRaw === 'bad' || capacityRaw === null ? null : Math.round(capacityRaw),
      fees: text('fees'),
      eligibility: text('eligibility'),
      applicationProcess: text('applicationProcess'),
      status: text('status'),
      notes: text('notes'),
      area: text('area'),
    },
    errors,
    warnings,
  };
}

/** Amount and wording of a fee text: 「無料」, 「300円」, 「30分300円・60分600円＋機材料」. */
export function readFees(text: string): {
  free: boolean;
  description: string;
  options: { label: string; amount: number | null; note: string }[];
} {
  const s = normalizeText(text);
  if (!s) return { free: true, description: '', options: [] };
  if (/^(無料|なし|0円|無償)$/.test(s)) return { free: true, description: '', options: [] };
  const options: { label: string; amount: number | null; note: string }[] = [];
  for (const m of s.matchAll(/([^\d、,・／/]*?)\s*([\d,]+)\s*円/g)) {
    options.push({
      label: (m[1] ?? '').replace(/^[＋+]/, '').trim() || '1回',
      amount: Number(m[2]!.replace(/,/g, '')),
      note: '',
    });
  }
  const free = /無料/.test(s) && options.length === 0;
  return { free, description: s, options };
}

/** 全角カタカナ readings (名称_カナ) as the ひらがな the forms use; anything else is dropped. */
export function kanaToHiragana(text: string): string {
  const s = normalizeText(text);
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c >= 0x30a1 && c <= 0x30f6 ? String.fromCodePoint(c - 0x60) : ch;
  }
  return /^[\p{Script=Hiragana}ー・\s\d（）()]*$/u.test(out) ? out : '';
}

/** The first telephone number in a cell (「087-839-2811（代表）」), and what surrounds it. */
export function readPhone(text: string): { number: string; description: string } | null {
  const s = normalizeText(text);
  const m = /0\d{1,4}[-‐－ ]?\d{1,4}[-‐－ ]?\d{3,4}/.exec(s);
  if (!m) return null;
  return {
    number: m[0].replace(/[‐－ ]/g, '-'),
    description: s.replace(m[0], '').replace(/^[\s（(]+|[\s）)]+$/g, ''),
  };
}

const STATUS_WORDS: [RegExp, 'active' | 'temporarily closed' | 'inactive' | 'defunct'][] = [
  [/^(active|活動中|実施中|開催中|運営中|営業中)$/i, 'active'],
  [/^(temporarily closed|一時休止|休止中（一時）)$/i, 'temporarily closed'],
  [/^(inactive|休止|休止中|休会)$/i, 'inactive'],
  [/^(defunct|終了|廃止|閉鎖|解散)$/i, 'defunct'],
];

/** A status word; unknown words are null (the caller keeps 活動中 and warns). */
export function readStatus(text: string): 'active' | 'temporarily closed' | 'inactive' | 'defunct' | null {
  const s = normalizeText(text);
  if (!s) return 'active';
  return STATUS_WORDS.find(([re]) => re.test(s))?.[1] ?? null;
}

/** Who may use it, from a sentence: 「65歳以上の方」「要支援の方・事業対象者」「会員のみ」「どなたでも」. */
export function readEligibility(text: string): {
  kinds: ('anyone' | 'aged65' | 'support-needed' | 'members' | 'residents' | 'other')[];
  description: string;
} {
  const s = normalizeText(text);
  if (!s) return { kinds: ['anyone'], description: '' };
  const kinds = new Set<'anyone' | 'aged65' | 'support-needed' | 'members' | 'residents' | 'other'>();
  if (/(誰でも|どなたでも|どなたも|制限なし)/.test(s)) kinds.add('anyone');
  if (/(65|６５)歳以上|高齢者/.test(s)) kinds.add('aged65');
  if (/要支援|事業対象者/.test(s)) kinds.add('support-needed');
  if (/会員/.test(s)) kinds.add('members');
  if (/(住民|在住|町内)/.test(s)) kinds.add('residents');
  if (kinds.size === 0) kinds.add('other');
  return { kinds: [...kinds], description: s };
}

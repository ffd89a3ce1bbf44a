// 五十音順 for printed indexes (さくいん): readings folded to hiragana, sorted the way a Japanese
// dictionary sorts them, and grouped by 行 (あ行, か行 …) so that a reader can find a name by its
// first sound.

/** The 行 in order; names whose reading starts with anything else go under OTHER_ROW. */
export const GOJUON_ROWS = [
  'あ行',
  'か行',
  'さ行',
  'た行',
  'な行',
  'は行',
  'ま行',
  'や行',
  'ら行',
  'わ行',
] as const;
export const OTHER_ROW = '英数字など';
export type GojuonRow = (typeof GOJUON_ROWS)[number] | typeof OTHER_ROW;

const ROW_OF: Record<string, GojuonRow> = {};
const ROW_CHARS: [GojuonRow, string][] = [
  ['あ行', 'ぁあぃいぅうぇえぉお'],
  ['か行', 'かきくけこゕゖ'],
  ['さ行', 'さしすせそ'],
  ['た行', 'たちっつてと'],
  ['な行', 'なにぬねの'],
  ['は行', 'はひふへほ'],
  ['ま行', 'まみむめも'],
  ['や行', 'ゃやゅゆょよ'],
  ['ら行', 'らりるれろ'],
  ['わ行', 'ゎわゐゑをん'],
];
for (const [row, chars] of ROW_CHARS) for (const c of chars) ROW_OF[c] = row;

/**
 * A reading as hiragana for sorting: full-width/half-width forms unified (ｻﾛﾝ → サロン), katakana
 * turned into hiragana, spaces dropped. Characters that are not kana are kept as they are.
 */
export function toSortReading(reading: string): string {
  return reading
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\s\u3000]+/g, '');
}

/** The 行 a reading belongs to, by its first sound (が is under か行, ぱ under は行). */
export function gojuonRowOf(reading: string): GojuonRow {
  const first = toSortReading(reading).normalize('NFD').charAt(0);
  return ROW_OF[first] ?? OTHER_ROW;
}

const collator = new Intl.Collator('ja', { sensitivity: 'variant', numeric: true });

/** Compares two readings in 五十音順 (清音 before 濁音 before 半濁音, as dictionaries do). */
export function compareReadings(a: string, b: string): number {
  return collator.compare(toSortReading(a), toSortReading(b));
}

export interface IndexItem {
  /** What sorts the entry: its reading (よみ). */
  reading: string;
  /** What is printed. */
  name: string;
}

/** Items in 五十音順, grouped by 行 in the order of the 行; empty 行 are left out. */
export function gojuonIndex<T extends IndexItem>(items: readonly T[]): { row: GojuonRow; items: T[] }[] {
  const sorted = [...items].sort(
    (a, b) => compareReadings(a.reading, b.reading) || collator.compare(a.name, b.name),
  );
  const rows: GojuonRow[] = [...GOJUON_ROWS, OTHER_ROW];
  return rows
    .map((row) => ({ row, items: sorted.filter((i) => gojuonRowOf(i.reading) === row) }))
    .filter((g) => g.items.length > 0);
}

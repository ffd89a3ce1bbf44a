/*
 * A tenant's resources held in memory for search: the columns the filters test, the folded search
 * text with its character pairs as posting lists, the sort keys, and the list row each hit shows.
 * It answers exactly what the SQL of `searchQuery` answers — the same rows, the same total, the
 * same order — and a test holds it to that on random data and queries on both engines
 * (search-index.test.ts). Pure: loading it and keeping it current is search.service.ts (decision 0012).
 */

/** What the index keeps of one resource. */
export interface IndexEntry<R> {
  id: string;
  searchText: string;
  kana: string;
  name: string;
  categories: readonly string[];
  /** effective_area_ids: what the area filter matches. */
  areaIds: readonly string[];
  weekdayMask: number;
  status: string;
  free: boolean;
  sogoType: string | null;
  kind: string;
  /** ISO date, as the database returns a `date`. */
  nextCheckDue: string | null;
  /** updated_at in microseconds since 1970: the database's precision, for the 'updated' order. */
  updatedAtUs: number;
  /** The list row, as the SQL path would have read it. */
  row: R;
}

/** A search in the index's terms: what `conditions()` in resources.service.ts turns into SQL. */
export interface IndexQuery {
  /** Each word's folded forms (as typed, its reading); every word must be found in one of its forms. */
  terms: readonly (readonly string[])[];
  /** effective_area_ids must share one of these. */
  areaIds?: ReadonlySet<string>;
  /** categories must share one of these (the filter's term and those below it). */
  categories?: ReadonlySet<string>;
  /** …and one of these (a portal 大分類). */
  anyOfCategories?: ReadonlySet<string>;
  weekday?: number;
  free?: boolean;
  sogoType?: string;
  kind?: string;
  status: { in: readonly string[] } | { not: string };
  /** true: overdue only; false: not overdue (or no date). */
  stale?: boolean;
  today: string;
  sort: 'relevance' | 'name' | 'stale' | 'updated';
  offset: number;
  limit: number;
}

export interface IndexPage<R> {
  total: number;
  rows: R[];
}

/**
 * Code-point order, which is the order of PostgreSQL's "C" collation (UTF-8 bytes). JavaScript's
 * `<` compares UTF-16 units, which puts U+E000–U+FFFF after supplementary characters; fix up
 * the first differing unit when both are at or above the surrogates.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Days since 1970-01-01 of a date as PostgreSQL prints it (`2027-06-01`, `10000-01-01`, `0044-03-15 BC`). */
export function dayNumber(iso: string): number {
  const m = /^(\d+)-(\d\d)-(\d\d)( BC)?$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  const year = m[4] ? 1 - Number(m[1]) : Number(m[1]);
  const d = new Date(0);
  d.setUTCFullYear(year, Number(m[2]) - 1, Number(m[3]));
  return Math.round(d.getTime() / 86_400_000);
}

// Sort keys pack a small number and a rank into one double: ranks stay below 2^22 (4 million
// resources in a tenant, far above what the index is allowed to hold).
const RANK = 2 ** 22;
const MAX_ENTRIES = RANK - 1;
// Due dates as days offset into [0, 2^23); no date sorts last ("nulls last").
const DUE_OFFSET = 2 ** 22;
const NO_DUE = 2 ** 23;

const byKanaNameId = <R>(a: IndexEntry<R>, b: IndexEntry<R>) =>
  compareCodePoints(a.kana, b.kana) || compareCodePoints(a.name, b.name) || compareCodePoints(a.id, b.id);
const byKanaId = <R>(a: IndexEntry<R>, b: IndexEntry<R>) =>
  compareCodePoints(a.kana, b.kana) || compareCodePoints(a.id, b.id);

/** A pair of UTF-16 units as one small integer (a posting list key). */
const pairKey = (a: number, b: number) => (a << 16) | b;

/** The distinct character pairs of a text, without those that span the space between its parts. */
function pairsOf(text: string, buffer: Int32Array): Int32Array {
  let n = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (a !== 32 && b !== 32) buffer[n++] = pairKey(a, b);
  }
  const keys = buffer.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[m++] = keys[i]!;
  return keys.subarray(0, m);
}

/** Small numbers for the strings a column holds, so that filters compare integers. */
class Codes {
  private readonly map = new Map<string, number>();
  of(value: string): number {
    let code = this.map.get(value);
    if (code === undefined) {
      code = this.map.size + 1;
      this.map.set(value, code);
    }
    return code;
  }
  /** 0 for a value no resource has (then nothing can match it). */
  find(value: string): number {
    return this.map.get(value) ?? 0;
  }
  get size(): number {
    return this.map.size + 1;
  }
  /** A lookup table: which codes stand for one of `values`. */
  table(values: Iterable<string>): Uint8Array {
    const out = new Uint8Array(this.size);
    for (const v of values) out[this.find(v)] = 1;
    out[0] = 0;
    return out;
  }
  /** A lookup table: which codes stand for anything but `value`. */
  tableExcept(value: string): Uint8Array {
    const out = new Uint8Array(this.size).fill(1);
    out[this.find(value)] = 0;
    out[0] = 0;
    return out;
  }
}

/** A growable column of small integers, one per slot. */
class Column<T extends Int32Array | Uint8Array> {
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  set(slot: number, value: number) {
    if (slot >= this.data.length) {
      const next = this.make(Math.max(64, slot * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[slot] = value;
  }
}

const int32 = () => new Column(new Int32Array(0), (n) => new Int32Array(n));
const uint8 = () => new Column(new Uint8Array(0), (n) => new Uint8Array(n));

/** A growable list of integers. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

const NONE: readonly number[] = [];
const POSTING_KINDS = ['pairs', 'cats', 'areas'] as const;
type PostingKind = (typeof POSTING_KINDS)[number];

/**
 * Posting lists (slots by key), built in one pass into arrays of exact size, then added to: a
 * changed resource takes a new, higher slot, so every list stays ascending.
 */
class Postings {
  private readonly base = new Map<number, Int32Array>();
  private readonly extra = new Map<number, number[]>();

  /** `keys[i]` belongs to `slots[i]`, slots ascending. */
  constructor(keys: IntList, slots: IntList) {
    const counts = new Map<number, number>();
    for (let i = 0; i < keys.length; i++) counts.set(keys.data[i]!, (counts.get(keys.data[i]!) ?? 0) + 1);
    const fill = new Map<number, number>();
    for (const [key, n] of counts) {
      this.base.set(key, new Int32Array(n));
      fill.set(key, 0);
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys.data[i]!;
      const at = fill.get(key)!;
      this.base.get(key)![at] = slots.data[i]!;
      fill.set(key, at + 1);
    }
  }

  add(key: number, slot: number): void {
    const list = this.extra.get(key);
    if (list) list.push(slot);
    else this.extra.set(key, [slot]);
  }

  size(key: number): number {
    return (this.base.get(key)?.length ?? 0) + (this.extra.get(key)?.length ?? 0);
  }

  /** The key's slots, as one or two lists. */
  lists(key: number): ArrayLike<number>[] {
    const base = this.base.get(key);
    const extra = this.extra.get(key);
    return base && extra ? [base, extra] : [base ?? extra ?? NONE];
  }
}

/** A query turned into lookup tables and codes for one pass over candidates. */
interface Compiled {
  status: Uint8Array;
  weekdayBit: number;
  /** -1: either. */
  free: number;
  /** -1: any; 0: a value no resource has. */
  sogo: number;
  kind: number;
  /** -1: either; 1: overdue only; 0: not overdue. */
  stale: number;
  categories: Uint8Array | null;
  anyOfCategories: Uint8Array | null;
  areas: Uint8Array | null;
  terms: readonly (readonly string[])[];
  today: number;
}

export class SearchIndex<R> {
  /** Entries by slot; a changed resource gets a new slot and its old one becomes null. */
  private slots: (IndexEntry<R> | null)[] = [];
  private slotOf = new Map<string, number>();
  private texts: string[] = [];
  private mask = uint8();
  private status = int32();
  private free = uint8();
  private sogo = int32();
  private kind = int32();
  private due = int32();
  private cats: number[][] = [];
  private areas: number[][] = [];
  private statusCodes = new Codes();
  private sogoCodes = new Codes();
  private kindCodes = new Codes();
  private catCodes = new Codes();
  private areaCodes = new Codes();
  private pairs!: Postings;
  private byCategory!: Postings;
  private byArea!: Postings;
  private pairBuffer = new Int32Array(1024);
  /** Live slots in (kana, name, id) order and in (kana, id) order, and each slot's place in them. */
  private orderKN: number[] = [];
  private orderKI: number[] = [];
  private rankKN = new Int32Array(0);
  private rankKI = new Int32Array(0);
  private stamp = new Uint32Array(0);
  private stampNow = 0;

  constructor(entries: readonly IndexEntry<R>[] = []) {
    this.rebuild(entries);
  }

  /** How many resources it holds. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Whether it can hold this many resources. */
  static fits(n: number): boolean {
    return n <= MAX_ENTRIES;
  }

  /** Replaces the changed resources (upsert) and drops the removed ones (ids without an entry). */
  apply(changed: readonly IndexEntry<R>[], removed: readonly string[]): void {
    const dead = new Set<number>();
    for (const id of [...removed, ...changed.map((e) => e.id)]) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.slots[slot] = null;
      this.slotOf.delete(id);
      dead.add(slot);
    }
    const live = this.slotOf.size + changed.length;
    if (live > MAX_ENTRIES) throw new Error('search index: too many resources');
    // Once most slots are dead, or many arrive at once, renumbering is cheaper than patching.
    if (this.slots.length + changed.length > 2 * live + 1024 || changed.length > 2048) {
      this.rebuild([...this.entries(), ...changed]);
      return;
    }
    const added = changed.map((e) => {
      const slot = this.place(e);
      this.keysOf(e, slot, (kind, key) => this.postings(kind).add(key, slot));
      return slot;
    });
    if (dead.size) {
      this.orderKN = this.orderKN.filter((s) => !dead.has(s));
      this.orderKI = this.orderKI.filter((s) => !dead.has(s));
    }
    for (const s of added) {
      insertSorted(this.orderKN, s, (x) => byKanaNameId(this.slots[x]!, this.slots[s]!));
      insertSorted(this.orderKI, s, (x) => byKanaId(this.slots[x]!, this.slots[s]!));
    }
    this.renumber();
  }

  /** Every resource it holds. */
  *entries(): Iterable<IndexEntry<R>> {
    for (const e of this.slots) if (e) yield e;
  }

  private rebuild(entries: readonly IndexEntry<R>[]): void {
    if (entries.length > MAX_ENTRIES) throw new Error('search index: too many resources');
    this.slots = [];
    this.slotOf = new Map();
    this.texts = [];
    this.cats = [];
    this.areas = [];
    const lists = new Map<PostingKind, { keys: IntList; slots: IntList }>();
    for (const kind of POSTING_KINDS) lists.set(kind, { keys: new IntList(), slots: new IntList() });
    for (const e of entries) {
      const old = this.slotOf.get(e.id);
      if (old !== undefined) this.slots[old] = null;
      const slot = this.place(e);
      this.keysOf(e, slot, (kind, key) => {
        const l = lists.get(kind)!;
        l.keys.push(key);
        l.slots.push(slot);
      });
    }
    const built = (kind: PostingKind) => new Postings(lists.get(kind)!.keys, lists.get(kind)!.slots);
    this.pairs = built('pairs');
    this.byCategory = built('cats');
    this.byArea = built('areas');
    const live = [...this.slotOf.values()];
    this.orderKN = [...live].sort((a, b) => byKanaNameId(this.slots[a]!, this.slots[b]!));
    this.orderKI = [...live].sort((a, b) => byKanaId(this.slots[a]!, this.slots[b]!));
    this.renumber();
  }

  /** Gives an entry the next slot and its columns. */
  private place(e: IndexEntry<R>): number {
    const slot = this.slots.length;
    this.slots.push(e);
    this.slotOf.set(e.id, slot);
    this.texts.push(e.searchText);
    this.mask.set(slot, e.weekdayMask & 0x7f);
    this.status.set(slot, this.statusCodes.of(e.status));
    this.free.set(slot, e.free ? 1 : 0);
    this.sogo.set(slot, e.sogoType === null ? 0 : this.sogoCodes.of(e.sogoType));
    this.kind.set(slot, this.kindCodes.of(e.kind));
    this.due.set(slot, e.nextCheckDue === null ? NO_DUE : dayNumber(e.nextCheckDue) + DUE_OFFSET);
    this.cats.push(e.categories.map((c) => this.catCodes.of(c)));
    this.areas.push(e.areaIds.map((a) => this.areaCodes.of(a)));
    return slot;
  }

  /** The posting-list keys of a placed entry: its character pairs, categories and areas, each once. */
  private keysOf(e: IndexEntry<R>, slot: number, add: (list: PostingKind, key: number) => void): void {
    if (this.pairBuffer.length < e.searchText.length)
      this.pairBuffer = new Int32Array(e.searchText.length * 2);
    for (const p of pairsOf(e.searchText, this.pairBuffer)) add('pairs', p);
    for (const c of new Set(this.cats[slot])) add('cats', c);
    for (const a of new Set(this.areas[slot])) add('areas', a);
  }

  private postings(kind: PostingKind): Postings {
    return kind === 'pairs' ? this.pairs : kind === 'cats' ? this.byCategory : this.byArea;
  }

  private renumber(): void {
    this.rankKN = new Int32Array(this.slots.length).fill(-1);
    this.rankKI = new Int32Array(this.slots.length).fill(-1);
    for (let i = 0; i < this.orderKN.length; i++) this.rankKN[this.orderKN[i]!] = i;
    for (let i = 0; i < this.orderKI.length; i++) this.rankKI[this.orderKI[i]!] = i;
    if (this.stamp.length < this.slots.length) this.stamp = new Uint32Array(this.slots.length * 2 + 64);
  }

  /** One page of what matches, in the SQL's order, and how many match in all. */
  search(q: IndexQuery): IndexPage<R> {
    const c = this.compile(q);
    if (!c) return { total: 0, rows: [] };
    const source = this.candidates(q);
    const group = this.grouping(q, c.today);
    if (source === null && group) {
      // Nothing narrows: walk the (kana, name, id) order once, testing every resource, into the
      // few groups that come before it in the order; no sort at all.
      const groups: number[][] = [[], [], [], [], [], []];
      let total = 0;
      for (const s of this.orderKN) {
        if (this.matches(s, c)) {
          groups[group(s)]!.push(s);
          total++;
        }
      }
      return { total, rows: this.pageOf(groups, q) };
    }
    const hits = this.matching(source, c);
    if (q.sort === 'updated') {
      hits.sort((a, b) => {
        const x = this.slots[a]!;
        const y = this.slots[b]!;
        return y.updatedAtUs - x.updatedAtUs || compareCodePoints(x.id, y.id);
      });
      return { total: hits.length, rows: this.pageOf([hits], q) };
    }
    // Each key is a group times 2^22 plus a rank, so a numeric sort is the SQL's order, and the
    // slot is found again from the rank.
    const [order, rank, groupOf] =
      q.sort === 'stale'
        ? [this.orderKI, this.rankKI, (s: number) => this.due.data[s]!]
        : [this.orderKN, this.rankKN, group!];
    const keys = new Float64Array(hits.length);
    for (let i = 0; i < hits.length; i++) keys[i] = groupOf(hits[i]!) * RANK + rank[hits[i]!]!;
    keys.sort();
    const rows: R[] = [];
    for (let i = q.offset; i < Math.min(keys.length, q.offset + q.limit); i++)
      rows.push(this.slots[order[keys[i]! % RANK]!]!.row);
    return { total: hits.length, rows };
  }

  /**
   * For the relevance and name orders, which group a slot sorts in before its (kana, name, id)
   * rank: name match first, other text next, then overdue last (the SQL's case expressions).
   */
  private grouping(q: IndexQuery, today: number): ((s: number) => number) | null {
    if (q.sort === 'name') return () => 0;
    if (q.sort !== 'relevance') return null;
    const first = q.terms[0]?.[0];
    const due = this.due.data;
    if (first === undefined) return (s) => (due[s]! < today ? 1 : 0);
    return (s) => {
      // A folded word holds no space, so its first occurrence tells both: at 0 the text starts
      // with it; before the first space it is in split_part(text, ' ', 1).
      const text = this.texts[s]!;
      const at = text.indexOf(first);
      const space = text.indexOf(' ');
      const rel = at === 0 ? 0 : at > 0 && (space < 0 || at < space) ? 1 : 2;
      return rel * 2 + (due[s]! < today ? 1 : 0);
    };
  }

  /** Rows offset … offset + limit of lists read one after another. */
  private pageOf(lists: readonly ArrayLike<number>[], q: IndexQuery): R[] {
    const rows: R[] = [];
    let skip = q.offset;
    for (const list of lists) {
      if (skip >= list.length) {
        skip -= list.length;
        continue;
      }
      for (let i = skip; i < list.length && rows.length < q.limit; i++) rows.push(this.slots[list[i]!]!.row);
      skip = 0;
      if (rows.length >= q.limit) break;
    }
    return rows;
  }

  /** The query as codes and lookup tables; null when a filter names a value no resource has. */
  private compile(q: IndexQuery): Compiled | null {
    const sogo = q.sogoType === undefined ? -1 : this.sogoCodes.find(q.sogoType);
    const kind = q.kind === undefined ? -1 : this.kindCodes.find(q.kind);
    if (sogo === 0 || kind === 0) return null;
    return {
      status:
        'in' in q.status ? this.statusCodes.table(q.status.in) : this.statusCodes.tableExcept(q.status.not),
      weekdayBit: q.weekday === undefined ? 0 : 1 << q.weekday,
      free: q.free === undefined ? -1 : q.free ? 1 : 0,
      sogo,
      kind,
      stale: q.stale === undefined ? -1 : q.stale ? 1 : 0,
      categories: q.categories ? this.catCodes.table(q.categories) : null,
      anyOfCategories: q.anyOfCategories ? this.catCodes.table(q.anyOfCategories) : null,
      areas: q.areaIds ? this.areaCodes.table(q.areaIds) : null,
      terms: q.terms,
      today: dayNumber(q.today) + DUE_OFFSET,
    };
  }

  /** Slots that match every condition, each once. */
  private matching(source: ArrayLike<number>[] | null, c: Compiled): number[] {
    const hits: number[] = [];
    if (source === null) {
      for (let s = 0; s < this.slots.length; s++) if (this.slots[s] && this.matches(s, c)) hits.push(s);
      return hits;
    }
    const mark = this.nextStamp();
    const stamp = this.stamp;
    for (const list of source) {
      for (let i = 0; i < list.length; i++) {
        const s = list[i]!;
        if (stamp[s] === mark) continue;
        stamp[s] = mark;
        if (this.slots[s] && this.matches(s, c)) hits.push(s);
      }
    }
    return hits;
  }

  /**
   * The smallest sure superset of the hits, as lists of slots: the pairs of the rarest word, or the
   * chosen categories or areas; null when nothing narrows (read every slot).
   */
  private candidates(q: IndexQuery): ArrayLike<number>[] | null {
    let best: ArrayLike<number>[] | null = null;
    let bestSize = this.slots.length;
    for (const forms of q.terms) {
      const lists: ArrayLike<number>[] = [];
      let size = 0;
      for (const form of forms) {
        const key = this.rarestPair(form);
        if (key === null) {
          size = Number.POSITIVE_INFINITY;
          break;
        }
        lists.push(...this.pairs.lists(key));
        size += this.pairs.size(key);
      }
      if (size < bestSize) [best, bestSize] = [lists, size];
    }
    for (const [postings, codes, values] of [
      [this.byCategory, this.catCodes, q.categories],
      [this.byCategory, this.catCodes, q.anyOfCategories],
      [this.byArea, this.areaCodes, q.areaIds],
    ] as const) {
      if (!values) continue;
      const keys = [...values].map((v) => codes.find(v));
      const size = keys.reduce((n, k) => n + postings.size(k), 0);
      if (size < bestSize) [best, bestSize] = [keys.flatMap((k) => postings.lists(k)), size];
    }
    return best;
  }

  /** The key of the rarest of a form's character pairs; null for a single character. */
  private rarestPair(form: string): number | null {
    if (form.length < 2) return null;
    let best = 0;
    let bestSize = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < form.length; i++) {
      const key = pairKey(form.charCodeAt(i), form.charCodeAt(i + 1));
      const size = this.pairs.size(key);
      if (size < bestSize) [best, bestSize] = [key, size];
      if (size === 0) break;
    }
    return best;
  }

  /** Cheap integer tests first, the text last. */
  private matches(s: number, c: Compiled): boolean {
    if (c.status[this.status.data[s]!] !== 1) return false;
    if (c.weekdayBit !== 0 && (this.mask.data[s]! & c.weekdayBit) === 0) return false;
    if (c.free >= 0 && this.free.data[s] !== c.free) return false;
    if (c.sogo >= 0 && this.sogo.data[s] !== c.sogo) return false;
    if (c.kind >= 0 && this.kind.data[s] !== c.kind) return false;
    if (c.stale >= 0 && (this.due.data[s]! < c.today ? 1 : 0) !== c.stale) return false;
    if (c.categories && !anyIn(this.cats[s]!, c.categories)) return false;
    if (c.anyOfCategories && !anyIn(this.cats[s]!, c.anyOfCategories)) return false;
    if (c.areas && !anyIn(this.areas[s]!, c.areas)) return false;
    const text = this.texts[s]!;
    for (const forms of c.terms) {
      let found = false;
      for (const f of forms) {
        if (text.includes(f)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }

  private nextStamp(): number {
    if (this.stampNow >= 0xfffffff0) {
      this.stamp.fill(0);
      this.stampNow = 0;
    }
    return ++this.stampNow;
  }
}

/** Whether any of the codes is marked in the table. */
function anyIn(codes: readonly number[], table: Uint8Array): boolean {
  for (let i = 0; i < codes.length; i++) if (table[codes[i]!] === 1) return true;
  return false;
}

/** Inserts `slot` into a sorted array; `cmp(x)` compares an element with the new one. */
function insertSorted(order: number[], slot: number, cmp: (x: number) => number): void {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(order[mid]!) < 0) lo = mid + 1;
    else hi = mid;
  }
  order.splice(lo, 0, slot);
}

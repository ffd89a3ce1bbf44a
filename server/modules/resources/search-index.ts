/*
 * A tenant's resources held in memory for search: the columns the filters test, the folded search
 * text with its character pairs as posting lists, the sort keys, and the list row each hit shows.
 * It answers exactly what the SQL of `searchQuery` answers — the same rows, the same total, the
 * same order — and a test holds it to that on random data and queries on both engines
 * (search-index.test.ts). Pure: loading it and keeping it current is search-index.service.ts
 * (decision 0015).
 */

import { NAME_END } from '../../../domain/search-text';

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

/** Integer keys to dense numbers 0, 1, 2 … (open addressing; far cheaper than a Map when built by the million). */
class DenseKeys {
  private keys = new Int32Array(1 << 12);
  private ids = new Int32Array(1 << 12).fill(-1);
  size = 0;

  /** The key's number, given one if new. */
  id(key: number): number {
    const found = this.find(key);
    if (found >= 0) return found;
    if ((this.size + 1) * 2 > this.keys.length) this.resize();
    return this.insert(key, this.size++);
  }

  /** The key's number, or -1. */
  find(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) & mask; ; i = (i + 1) & mask) {
      if (this.ids[i] === -1) return -1;
      if (this.keys[i] === key) return this.ids[i]!;
    }
  }

  private insert(key: number, id: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) & mask;
    while (this.ids[i] !== -1) i = (i + 1) & mask;
    this.keys[i] = key;
    this.ids[i] = id;
    return id;
  }

  private resize() {
    const { keys, ids } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    for (let i = 0; i < keys.length; i++) if (ids[i] !== -1) this.insert(keys[i]!, ids[i]!);
  }
}

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

const NONE = new Int32Array(0);

/**
 * Slots by character pair. Built in one pass: each text's distinct pairs numbered (DenseKeys) and
 * laid out as one array with offsets; then added to, a list per pair, as changed resources take
 * new, higher slots — so every list stays ascending.
 */
class PairPostings {
  private readonly keys = new DenseKeys();
  private readonly offsets: Int32Array;
  private readonly data: Int32Array;
  private readonly extra = new Map<number, number[]>();

  constructor(texts: readonly (string | null)[]) {
    const ids = new IntList();
    const slots = new IntList();
    let last = new Int32Array(1 << 12).fill(-1);
    for (let slot = 0; slot < texts.length; slot++) {
      const text = texts[slot];
      if (text == null) continue;
      eachPair(text, (key) => {
        const id = this.keys.id(key);
        if (id >= last.length) {
          const next = new Int32Array(last.length * 2).fill(-1);
          next.set(last);
          last = next;
        }
        // A text's repeated pairs count once.
        if (last[id] === slot) return;
        last[id] = slot;
        ids.push(id);
        slots.push(slot);
      });
    }
    this.offsets = new Int32Array(this.keys.size + 1);
    for (let i = 0; i < ids.length; i++) this.offsets[ids.data[i]! + 1]!++;
    for (let k = 0; k < this.keys.size; k++) this.offsets[k + 1]! += this.offsets[k]!;
    const fill = this.offsets.slice(0, this.keys.size);
    this.data = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) this.data[fill[ids.data[i]!]!++] = slots.data[i]!;
  }

  add(text: string, slot: number): void {
    const seen = new Set<number>();
    eachPair(text, (key) => {
      if (seen.has(key)) return;
      seen.add(key);
      const list = this.extra.get(key);
      if (list) list.push(slot);
      else this.extra.set(key, [slot]);
    });
  }

  size(key: number): number {
    const id = this.keys.find(key);
    const base = id < 0 ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
    return base + (this.extra.get(key)?.length ?? 0);
  }

  /** The pair's slots, as one or two lists. */
  lists(key: number): ArrayLike<number>[] {
    const id = this.keys.find(key);
    const base = id < 0 ? NONE : this.data.subarray(this.offsets[id]!, this.offsets[id + 1]!);
    const extra = this.extra.get(key);
    return extra ? [base, extra] : [base];
  }
}

/** Calls `add` with each character pair of a text, but none that spans the space between its parts. */
function eachPair(text: string, add: (key: number) => void): void {
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (a !== 32 && b !== 32) add(pairKey(a, b));
  }
}

let scratchWords = new Uint32Array(0);
/** A reusable buffer for a union of bitmaps (searches are synchronous: one at a time). */
function scratch(words: number): Uint32Array {
  if (scratchWords.length < words) scratchWords = new Uint32Array(words);
  return scratchWords.subarray(0, words);
}

/** One bit per slot for each value of a column: the filters that pick among few values. */
class Bitmaps {
  private readonly maps = new Map<string, Uint32Array>();
  constructor(private words: number) {}

  grow(words: number): void {
    this.words = words;
    for (const [value, map] of this.maps) {
      const next = new Uint32Array(words);
      next.set(map);
      this.maps.set(value, next);
    }
  }

  set(value: string, slot: number): void {
    let map = this.maps.get(value);
    if (!map) {
      map = new Uint32Array(this.words);
      this.maps.set(value, map);
    }
    map[slot >>> 5]! |= 1 << (slot & 31);
  }

  clear(value: string, slot: number): void {
    const map = this.maps.get(value);
    if (map) map[slot >>> 5]! &= ~(1 << (slot & 31));
  }

  /** f &= (map of any of `values`); values no slot has add nothing. */
  andAny(f: Uint32Array, values: Iterable<string>): void {
    const maps: Uint32Array[] = [];
    for (const v of values) {
      const map = this.maps.get(v);
      if (map) maps.push(map);
    }
    if (maps.length === 0) {
      f.fill(0);
      return;
    }
    let any = maps[0]!;
    if (maps.length > 1) {
      any = scratch(f.length);
      any.set(maps[0]!);
      for (let i = 1; i < maps.length; i++) {
        const m = maps[i]!;
        for (let w = 0; w < any.length; w++) any[w]! |= m[w]!;
      }
    }
    for (let w = 0; w < f.length; w++) f[w]! &= any[w]!;
  }

  /** f &= ~(map of `value`). */
  andNot(f: Uint32Array, value: string): void {
    const m = this.maps.get(value);
    if (m) for (let w = 0; w < f.length; w++) f[w]! &= ~m[w]!;
  }
}

const has = (f: Uint32Array, slot: number) => (f[slot >>> 5]! & (1 << (slot & 31))) !== 0;

function popcount(f: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < f.length; w++) {
    let x = f[w]!;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

export class SearchIndex<R> {
  /** Entries by slot; a changed resource gets a new slot and its old one becomes null. */
  private slots: (IndexEntry<R> | null)[] = [];
  private slotOf = new Map<string, number>();
  private texts: string[] = [];
  private due = new Int32Array(0);
  private words = 0;
  private alive = new Uint32Array(0);
  private status = new Bitmaps(0);
  private weekday = new Bitmaps(0);
  private free = new Bitmaps(0);
  private sogo = new Bitmaps(0);
  private kind = new Bitmaps(0);
  private category = new Bitmaps(0);
  private area = new Bitmaps(0);
  private pairs!: PairPostings;
  /** Live slots in (kana, name, id) order and in (kana, id) order, and each slot's place in them. */
  private orderKN: number[] = [];
  private orderKI: number[] = [];
  private rankKN = new Int32Array(0);
  private rankKI = new Int32Array(0);
  private stamp = new Uint32Array(0);
  private stampNow = 0;
  private filter = new Uint32Array(0);

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
      this.unmark(this.slots[slot]!, slot);
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
      this.pairs.add(e.searchText, slot);
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
    this.words = Math.ceil((entries.length + 1) / 32);
    this.alive = new Uint32Array(this.words);
    this.due = new Int32Array(this.words * 32);
    for (const kind of ['status', 'weekday', 'free', 'sogo', 'kind', 'category', 'area'] as const)
      this[kind] = new Bitmaps(this.words);
    for (const e of entries) {
      const old = this.slotOf.get(e.id);
      if (old !== undefined) {
        this.unmark(this.slots[old]!, old);
        this.slots[old] = null;
      }
      this.place(e);
    }
    this.pairs = new PairPostings(this.slots.map((e) => e?.searchText ?? null));
    const live = [...this.slotOf.values()];
    this.orderKN = [...live].sort((a, b) => byKanaNameId(this.slots[a]!, this.slots[b]!));
    this.orderKI = [...live].sort((a, b) => byKanaId(this.slots[a]!, this.slots[b]!));
    this.renumber();
  }

  /** Gives an entry the next slot, its columns and its bits. */
  private place(e: IndexEntry<R>): number {
    const slot = this.slots.length;
    if (slot >= this.words * 32) this.grow(Math.max(this.words * 2, 1));
    this.slots.push(e);
    this.slotOf.set(e.id, slot);
    this.texts.push(e.searchText);
    this.due[slot] = e.nextCheckDue === null ? NO_DUE : dayNumber(e.nextCheckDue) + DUE_OFFSET;
    this.alive[slot >>> 5]! |= 1 << (slot & 31);
    this.mark(e, (bitmaps, value) => bitmaps.set(value, slot));
    return slot;
  }

  private unmark(e: IndexEntry<R>, slot: number) {
    this.alive[slot >>> 5]! &= ~(1 << (slot & 31));
    this.mark(e, (bitmaps, value) => bitmaps.clear(value, slot));
  }

  /** Each bitmap value of an entry. */
  private mark(e: IndexEntry<R>, to: (bitmaps: Bitmaps, value: string) => void) {
    to(this.status, e.status);
    for (let d = 0; d < 7; d++) if (e.weekdayMask & (1 << d)) to(this.weekday, String(d));
    to(this.free, String(e.free));
    if (e.sogoType !== null) to(this.sogo, e.sogoType);
    to(this.kind, e.kind);
    for (const c of e.categories) to(this.category, c);
    for (const a of e.areaIds) to(this.area, a);
  }

  private grow(words: number) {
    this.words = words;
    const alive = new Uint32Array(words);
    alive.set(this.alive);
    this.alive = alive;
    const due = new Int32Array(words * 32);
    due.set(this.due);
    this.due = due;
    for (const b of [this.status, this.weekday, this.free, this.sogo, this.kind, this.category, this.area])
      b.grow(words);
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
    const f = this.filtered(q);
    const today = dayNumber(q.today) + DUE_OFFSET;
    const stale = q.stale === undefined ? -1 : q.stale ? 1 : 0;
    // What the bitmaps cannot say: the due date against today, and the words.
    const rest = (s: number) => {
      if (stale >= 0 && (this.due[s]! < today ? 1 : 0) !== stale) return false;
      const text = this.texts[s]!;
      for (const forms of q.terms) {
        let found = false;
        for (const form of forms) {
          if (text.includes(form)) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
      return true;
    };
    const group = this.grouping(q, today);
    const count = popcount(f);
    let source = this.rarestWord(q);
    // Read whichever is shorter: the rarest word's lists, or what the filters leave.
    if (source && source.reduce((n, list) => n + list.length, 0) > count) source = null;
    if (source === null && group && count * 8 > this.orderKN.length) {
      // Much of the tenant may match: walk the (kana, name, id) order once into the few groups
      // that come before it in the order, with no sort at all.
      const groups: number[][] = [[], [], [], [], [], []];
      let total = 0;
      for (const s of this.orderKN) {
        if (has(f, s) && rest(s)) {
          groups[group(s)]!.push(s);
          total++;
        }
      }
      return { total, rows: this.pageOf(groups, q) };
    }
    const hits: number[] = [];
    if (source === null) {
      for (let w = 0; w < f.length; w++) {
        let bits = f[w]!;
        while (bits !== 0) {
          const low = bits & -bits;
          const s = w * 32 + 31 - Math.clz32(low);
          bits ^= low;
          if (rest(s)) hits.push(s);
        }
      }
    } else {
      const mark = source.length > 1 ? this.nextStamp() : 0;
      for (const list of source) {
        for (let i = 0; i < list.length; i++) {
          const s = list[i]!;
          if (mark !== 0) {
            if (this.stamp[s] === mark) continue;
            this.stamp[s] = mark;
          }
          if (has(f, s) && rest(s)) hits.push(s);
        }
      }
    }
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
        ? [this.orderKI, this.rankKI, (s: number) => this.due[s]!]
        : [this.orderKN, this.rankKN, group!];
    const keys = new Float64Array(hits.length);
    for (let i = 0; i < hits.length; i++) keys[i] = groupOf(hits[i]!) * RANK + rank[hits[i]!]!;
    keys.sort();
    const rows: R[] = [];
    for (let i = q.offset; i < Math.min(keys.length, q.offset + q.limit); i++)
      rows.push(this.slots[order[keys[i]! % RANK]!]!.row);
    return { total: hits.length, rows };
  }

  /** The live slots that pass every filter a bitmap can answer (all but the due date and the words). */
  private filtered(q: IndexQuery): Uint32Array {
    if (this.filter.length !== this.words) this.filter = new Uint32Array(this.words);
    const f = this.filter;
    f.set(this.alive);
    if ('in' in q.status) this.status.andAny(f, q.status.in);
    else this.status.andNot(f, q.status.not);
    if (q.weekday !== undefined) this.weekday.andAny(f, [String(q.weekday)]);
    if (q.free !== undefined) this.free.andAny(f, [String(q.free)]);
    if (q.sogoType !== undefined) this.sogo.andAny(f, [q.sogoType]);
    if (q.kind !== undefined) this.kind.andAny(f, [q.kind]);
    if (q.categories) this.category.andAny(f, q.categories);
    if (q.anyOfCategories) this.category.andAny(f, q.anyOfCategories);
    if (q.areaIds) this.area.andAny(f, q.areaIds);
    return f;
  }

  /**
   * The slots that may hold the rarest word: for each of its forms, the posting list of its
   * rarest character pair. Null when some word has a form of one character (no pair to look up),
   * or there are no words.
   */
  private rarestWord(q: IndexQuery): ArrayLike<number>[] | null {
    let best: ArrayLike<number>[] | null = null;
    let bestSize = Number.POSITIVE_INFINITY;
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

  /**
   * For the relevance and name orders, which group a slot sorts in before its (kana, name, id)
   * rank: name match first, other text next, then overdue last (the SQL's case expressions).
   */
  private grouping(q: IndexQuery, today: number): ((s: number) => number) | null {
    if (q.sort === 'name') return () => 0;
    if (q.sort !== 'relevance') return null;
    const first = q.terms[0]?.[0];
    const due = this.due;
    if (first === undefined) return (s) => (due[s]! < today ? 1 : 0);
    const start = NAME_END + first;
    return (s) => {
      // The SQL's case over the text's first word (the forms of the name, each ending in
      // NAME_END): 0 when a form starts with the word, 1 when one holds it, else 2. A folded word
      // holds neither a space nor NAME_END, so first occurrences before the first space decide.
      const text = this.texts[s]!;
      const space = text.indexOf(' ');
      const end = space < 0 ? text.length : space;
      const at = text.indexOf(first);
      let rel = 2;
      if (at === 0) rel = 0;
      else if (at > 0 && at < end) {
        const b = text.indexOf(start);
        rel = b >= 0 && b < end ? 0 : 1;
      }
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

  private nextStamp(): number {
    if (this.stampNow >= 0xfffffff0) {
      this.stamp.fill(0);
      this.stampNow = 0;
    }
    return ++this.stampNow;
  }
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

// Reading schedules as towns write them. The text is NFKC-normalised with a map back to the original
// characters; each recogniser below consumes the span it understood (overwriting it with a marker so that
// later recognisers cannot read the same words twice), and whatever is left over is copied verbatim from the
// original into `note`. The order of the recognisers matters: the most specific phrases (closures, remarks,
// ordinals) go first so that the generic weekday reader never sees the 月 of 毎月 or the 日 of 10日.

import type { IsoDate } from './dates';
import { isIsoDate, parseJapaneseDate } from './dates';
import type { ScheduleRule, Weekday } from './schedule';
import {
  ALL_WEEKDAYS,
  type ByDay,
  formatRrule,
  KANJI_DAYS,
  monthDayOf,
  type RruleShape,
  sortByDay,
  sortOrdinals,
  sortWeekdays,
  timeOf,
} from './schedule-rrule';

// A private-use character: it can never occur in a schedule and matches no pattern below.
const USED = '\uE000';

type Verdict = boolean | 'remark' | 'unknown';

interface Fragment {
  start: number;
  end: number;
  kind: 'remark' | 'unknown';
}

class Scanner {
  readonly source: string;
  work: string;
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  readonly fragments: Fragment[] = [];

  constructor(source: string) {
    this.source = source;
    // Normalise one base character (with its combining marks) at a time so every normalised character knows
    // which original characters it came from.
    let out = '';
    let pos = 0;
    for (const seg of source.match(/\P{M}\p{M}*|\p{M}+/gsu) ?? []) {
      const n = seg.normalize('NFKC');
      for (let k = 0; k < n.length; k++) {
        this.from.push(pos);
        this.to.push(pos + seg.length);
      }
      out += n;
      pos += seg.length;
    }
    // One-for-one replacements only, so that the index map stays valid. NFKC leaves 〜, the dashes, the minus
    // sign and the long vowel mark (ｰ → ー) alone, and every one of them is typed between two times.
    this.work = out
      .replace(/[~〜\-‐‑‒–—―−﹣]/gu, '〜')
      .replace(/(?<=\d\s*)ー(?=\s*\d)/gu, '〜')
      .replace(/(?<=[第月週]\s*)[一二三四五六七]/gu, (c) => String('一二三四五六七'.indexOf(c) + 1));
  }

  /** Runs a global pattern over the unread text; the callback decides whether (and how) the match is consumed. */
  scan(re: RegExp, decide: (m: RegExpExecArray) => Verdict): void {
    let i = 0;
    while (i <= this.work.length) {
      re.lastIndex = i;
      const m = re.exec(this.work);
      if (!m) return;
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) {
        i = start + 1;
        continue;
      }
      const verdict = decide(m);
      if (verdict === false) {
        i = start + 1;
        continue;
      }
      if (verdict !== true) this.fragments.push({ start, end, kind: verdict });
      this.consume(start, end);
      i = end;
    }
  }

  consume(start: number, end: number): void {
    this.work = this.work.slice(0, start) + USED.repeat(end - start) + this.work.slice(end);
  }

  original(start: number, end: number): string {
    if (end <= start) return '';
    return this.source.slice(this.from[start], this.to[end - 1]);
  }

  before(i: number): string {
    return this.work[i - 1] ?? '';
  }

  after(i: number): string {
    return this.work[i] ?? '';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Building blocks. Patterns are strings so that they compose; none has capture groups unless noted.

const W = '[月火水木金土日]';
const WD = `${W}(?:曜日?)?`;
const LIST_SEP = '\\s*(?:・|、|,|と|及び|および|/)\\s*';
const DAY_ELEM = `(?:平日|${WD}(?:\\s*(?:〜|から)\\s*${WD})?)`;
const DAY_LIST = `${DAY_ELEM}(?:(?:${LIST_SEP})?${DAY_ELEM})*`;
const TIME = '(?:(?:午前|午後|[AaPp][Mm])\\s*)?(?:\\d{1,2}(?::\\d{2}|時(?!間)(?:\\s*\\d{1,2}分|半)?)|正午)';
const BOUNDARY = `(?<=^|[\\s、。,()\\[\\]「」:;※*★☆◆◇■□●○◎${USED}])`;
const DATE_MD = '\\d{1,2}月\\d{1,2}日|\\d{1,2}/\\d{1,2}';
const DATE_RANGE = `(?:${DATE_MD})\\s*(?:から|〜|より)\\s*(?:翌年の?)?\\s*(?:${DATE_MD})(?:まで)?`;
const HOLIDAY = '国民の祝日に関する法律に規定する休日|国民の祝日|祝祭日|祝休日|祝日|祭日|祝';
const MONTH_RANGE = '\\d{1,2}月?\\s*(?:〜|から)\\s*\\d{1,2}月(?:まで)?';
const MONTH_ONE = '\\d{1,2}月(?!\\s*\\d|曜)';
const SEASON =
  '冬期間|冬期|冬季|冬場|冬の間|夏期|夏季|夏休み期間|夏休み|お盆期間|お盆|年末|年始|農繁期|ゴールデンウィーク|大型連休|GW';
const CLOSED_WORD =
  '(?:お休み|休み|休業|休館日?|休所|休止|休会|休講|利用不可|利用できません|閉館|閉所|定休日?|運休|除く|除き|中止|休(?![まめ日]))';

const CLOSURE_ITEMS: [string, string][] = [
  ['nen', `年末年始(?:期間)?(?:\\s*\\(\\s*${DATE_RANGE}\\s*\\))?`],
  ['lab', `[^\\s\\d:〜、。,・と()/${USED}]{1,12}?\\(\\s*(?:${DATE_RANGE}|${DATE_MD})\\s*\\)`],
  ['range', DATE_RANGE],
  ['date', `(?:${DATE_MD})(?!\\s*(?:から|〜|より))`],
  ['hol', `(?:${HOLIDAY})(?:の場合|のとき|の時|と重なる場合|に当たる場合|にあたる場合)?`],
  ['ord', `(?:第\\d|最終)(?:・第?\\d)*${WD}`],
  ['mon', `${MONTH_RANGE}|${MONTH_ONE}`],
  ['smon', `(?:${SEASON})\\s*\\(\\s*(?:${MONTH_RANGE}|${MONTH_ONE})\\s*\\)`],
  ['season', SEASON],
  ['wd', `(?:毎週)?(?:平日|${WD})`],
];
const CLOSURE_ITEM = `(?:${CLOSURE_ITEMS.map(([, p]) => p).join('|')})`;
const CLOSURE_SEP = '\\s*(?:・|と|及び|および|並びに|ならびに|や|/)\\s*';
const CLOSURE_SEP_LOOSE = '\\s*(?:・|と|及び|および|並びに|ならびに|や|/|、|,)\\s*';
const CLOSURE_TOKEN = new RegExp(
  `(?:${CLOSURE_SEP_LOOSE})?(?:${CLOSURE_ITEMS.map(([k, p]) => `(?<${k}>${p})`).join('|')})`,
  'uy',
);

// ---------------------------------------------------------------------------------------------------------

interface Pair {
  days: Weekday[];
  opensAt: string | null;
  closesAt: string | null;
  /** Where the clause starts, to find its fragment again when the clause turns out to be the main hours. */
  start: number;
}

interface State {
  daily: boolean;
  weekly: Set<Weekday>;
  weeklyInterval: number;
  monthlyByDay: ByDay[];
  monthDays: number[];
  monthlyInterval: number;
  dailyInterval: number;
  perMonth: number | null;
  perWeek: number | null;
  excludedDays: Set<Weekday>;
  months: Set<number> | null;
  excludedMonths: Set<number>;
  holidays: boolean;
  closures: { from: string; to: string; label: string }[];
  opensAt: string | null;
  closesAt: string | null;
  dtstart: IsoDate | null;
  pairs: Pair[];
  /** Something was read but cannot be represented exactly (conflicting parts, mismatched counts). */
  doubtful: boolean;
  /** The source as a whole must go to note because the parts could not be combined. */
  conflict: boolean;
}

function newState(): State {
  return {
    daily: false,
    weekly: new Set(),
    weeklyInterval: 1,
    monthlyByDay: [],
    monthDays: [],
    monthlyInterval: 1,
    dailyInterval: 1,
    perMonth: null,
    perWeek: null,
    excludedDays: new Set(),
    months: null,
    excludedMonths: new Set(),
    holidays: false,
    closures: [],
    opensAt: null,
    closesAt: null,
    dtstart: null,
    pairs: [],
    doubtful: false,
    conflict: false,
  };
}

const dayOf = (c: string): Weekday => KANJI_DAYS.indexOf(c as (typeof KANJI_DAYS)[number]) as Weekday;

/** Weekdays from a day range, Monday-first and wrapping (金〜月 = 金土日月). */
function dayRange(a: Weekday, b: Weekday): Weekday[] {
  const order = [1, 2, 3, 4, 5, 6, 0] as const;
  const out: Weekday[] = [];
  let i = order.indexOf(a as (typeof order)[number]);
  for (let guard = 0; guard < 7; guard++) {
    const d = order[i % 7]!;
    out.push(d);
    if (d === b) break;
    i++;
  }
  return out;
}

interface DayListReading {
  days: Weekday[];
  /** Tokens written without 曜 (火, 土日); these need context before we believe they are weekdays. */
  bareFirst: boolean;
  bareLast: boolean;
  tokens: number;
}

function readDayList(text: string): DayListReading | null {
  const re = new RegExp(
    `(?:${LIST_SEP})?(?:(平日)|(${W})(曜日?)?(?:\\s*(?:〜|から)\\s*(${W})(曜日?)?)?)`,
    'uy',
  );
  const days: Weekday[] = [];
  let bareFirst = false;
  let bareLast = false;
  let tokens = 0;
  let i = 0;
  const body = text.replace(/^(?:毎週|隔週|\d週間?(?:ごと|毎)の?|毎)/u, '');
  while (i < body.length) {
    re.lastIndex = i;
    const m = re.exec(body);
    if (!m) return null;
    i = re.lastIndex;
    if (m[1]) {
      days.push(1, 2, 3, 4, 5);
      bareLast = false;
      tokens += 5;
    } else if (m[4]) {
      const range = dayRange(dayOf(m[2]!), dayOf(m[4]));
      days.push(...range);
      if (tokens === 0) bareFirst = !m[3];
      bareLast = !m[5];
      tokens += range.length;
    } else {
      days.push(dayOf(m[2]!));
      if (tokens === 0) bareFirst = !m[3];
      bareLast = !m[3];
      tokens += 1;
    }
  }
  return tokens === 0 ? null : { days: sortWeekdays(days), bareFirst, bareLast, tokens };
}

const HAN = /\p{Script=Han}/u;

/** 'HH:MM' for one written time, honouring 午前/午後 and, for the end of a range, the start's half of the day. */
function readTime(text: string, carry: { pm: boolean | null; startHour: number | null }): string | null {
  const t = text.replace(/\s+/gu, '');
  if (t.endsWith('正午')) return '12:00';
  const m = /^(午前|午後|[AaPp][Mm])?(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分|(半))?)$/u.exec(t);
  if (!m) return null;
  let h = Number(m[2]);
  const min = m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? Number(m[4]) : m[5] ? 30 : 0;
  const mer = m[1]?.toLowerCase();
  const pm = mer === '午後' || mer === 'pm' ? true : mer === '午前' || mer === 'am' ? false : null;
  if (pm === true && h < 12) h += 12;
  if (pm === null && carry.startHour !== null && h < 12) {
    // 午後1時〜3時 means until 15時; 午前10時〜2時 likewise crosses noon.
    if (carry.pm === true || (carry.pm === false && h < carry.startHour)) h += 12;
  }
  return timeOf(h, min);
}

function meridiem(text: string): boolean | null {
  if (/午後|[Pp][Mm]/u.test(text)) return true;
  if (/午前|[Aa][Mm]/u.test(text)) return false;
  return null;
}

interface TimeReading {
  opensAt: string | null;
  closesAt: string | null;
  /** The end was before the start and was moved to the afternoon (10時〜3時). */
  guessed: boolean;
}

const TIME_EXPR = `(〜\\s*)?(${TIME})(?:\\s*(〜|から|より)\\s*(?:(${TIME})\\s*(?:まで)?)?|\\s*(まで|開始|から))?`;
const BARE_RANGE = `((?:午前|午後)\\s*)?(\\d{1,2})\\s*〜\\s*(${TIME})(?:\\s*まで)?`;

function readRange(first: string, second: string): TimeReading | null {
  const start = readTime(first, { pm: null, startHour: null });
  if (start === null) return null;
  let end = readTime(second, { pm: meridiem(first), startHour: Number(start.slice(0, 2)) });
  if (end === null) return null;
  let guessed = false;
  if (end <= start && meridiem(first) === null && meridiem(second) === null && Number(end.slice(0, 2)) < 12) {
    end = timeOf(Number(end.slice(0, 2)) + 12, Number(end.slice(3)));
    guessed = true;
    if (end === null || end <= start) return null;
  }
  return { opensAt: start, closesAt: end, guessed };
}

function readTimeExpr(m: RegExpExecArray, offset: number): TimeReading | null {
  const lead = m[offset];
  const first = m[offset + 1]!;
  const sep = m[offset + 2];
  const second = m[offset + 3];
  const tail = m[offset + 4];
  if (second !== undefined) return readRange(first, second);
  const time = readTime(first, { pm: null, startHour: null });
  if (time === null) return null;
  if (tail === 'まで' || (lead !== undefined && sep === undefined)) {
    return { opensAt: null, closesAt: time, guessed: false };
  }
  return { opensAt: time, closesAt: null, guessed: false };
}

function readMonths(text: string): Set<number> | null {
  const out = new Set<number>();
  const re = /(\d{1,2})月?\s*(?:〜|から)\s*(\d{1,2})月|(\d{1,2})月/gu;
  for (const m of text.matchAll(re)) {
    const a = Number(m[1] ?? m[3]);
    const b = Number(m[2] ?? m[3]);
    if (a < 1 || a > 12 || b < 1 || b > 12) return null;
    for (let k = a, guard = 0; guard < 12; guard++, k = (k % 12) + 1) {
      out.add(k);
      if (k === b) break;
    }
  }
  return out.size > 0 ? out : null;
}

function readDateRange(text: string): { from: string; to: string } | null {
  const dates = [...text.matchAll(/(\d{1,2})(?:月|\/)(\d{1,2})/gu)].map((m) =>
    monthDayOf(Number(m[1]), Number(m[2])),
  );
  if (dates.length === 1 && dates[0]) return { from: dates[0], to: dates[0] };
  if (dates.length === 2 && dates[0] && dates[1]) return { from: dates[0], to: dates[1] };
  return null;
}

function closureLabel(from: string, to: string): string {
  // Any closure running from December into January is what everyone calls 年末年始.
  return from.startsWith('12-') && to.startsWith('01-') ? '年末年始' : '';
}

// ---------------------------------------------------------------------------------------------------------
// Recognisers, in the order they run.

function readProvisos(sc: Scanner): void {
  // A ただし clause restates a rule for special days (月曜日が祝日のときは翌日); it must not be read as more days.
  sc.scan(/(?:ただし|但し)[^。]*(?:。|$)/gu, () => 'unknown');
}

function readDayTimePairs(sc: Scanner, st: State): void {
  const re = new RegExp(`${BOUNDARY}([^\\s、。,()${USED}]+?)は\\s*${TIME_EXPR}`, 'gu');
  sc.scan(re, (m) => {
    const subject = m[1]!;
    if (/^(?:時間|開催時間|利用時間|受付時間|営業時間|開館時間|開所時間|活動時間|実施時間)$/u.test(subject)) {
      // A label for the main hours: only the label is noise, the hours are read by readTimes.
      return false;
    }
    const times = readTimeExpr(m, 2);
    const days = readDayList(subject.replace(/^毎日$/u, '月火水木金土日'));
    if (days && times)
      st.pairs.push({ days: days.days, opensAt: times.opensAt, closesAt: times.closesAt, start: m.index });
    return 'remark';
  });
}

function readClosures(sc: Scanner, st: State): void {
  const apply = (list: string): boolean => {
    // Returns false when part of the clause could not be represented (冬期, 第2日曜日 …).
    let ok = true;
    let i = 0;
    while (i < list.length) {
      CLOSURE_TOKEN.lastIndex = i;
      const m = CLOSURE_TOKEN.exec(list);
      if (!m?.groups) return false;
      i = CLOSURE_TOKEN.lastIndex;
      const g = m.groups;
      if (g.nen !== undefined) {
        const r = readDateRange(g.nen);
        if (r) st.closures.push({ ...r, label: '年末年始' });
        else {
          // 行政機関の休日に関する法律 defines 年末年始 as 12/29–1/3, but a salon may stop longer: ask.
          st.closures.push({ from: '12-29', to: '01-03', label: '年末年始' });
          ok = false;
        }
      } else if (g.lab !== undefined) {
        const r = readDateRange(g.lab);
        if (r) st.closures.push({ ...r, label: g.lab.slice(0, g.lab.indexOf('(')).trim() });
        else ok = false;
      } else if (g.range !== undefined || g.date !== undefined) {
        const r = readDateRange(g.range ?? g.date ?? '');
        if (r) st.closures.push({ ...r, label: closureLabel(r.from, r.to) });
        else ok = false;
      } else if (g.hol !== undefined) {
        st.holidays = true;
      } else if (g.mon !== undefined || g.smon !== undefined) {
        const ms = readMonths(g.mon ?? g.smon ?? '');
        if (ms) for (const k of ms) st.excludedMonths.add(k);
        else ok = false;
      } else if (g.wd !== undefined) {
        const days = readDayList(g.wd);
        if (days) for (const d of days.days) st.excludedDays.add(d);
        else ok = false;
      } else {
        ok = false;
      }
    }
    return ok;
  };
  const trailing = new RegExp(
    `${BOUNDARY}(${CLOSURE_ITEM}(?:(?:${CLOSURE_SEP})?${CLOSURE_ITEM})*)\\s*(?:は|を|も)?\\s*(?:終日)?\\s*${CLOSED_WORD}`,
    'gu',
  );
  sc.scan(trailing, (m) => (apply(m[1]!) ? true : 'unknown'));
  const leading = new RegExp(
    `${BOUNDARY}(?:定休日|休館日|休業日|休所日|休日|お休み|休み)\\s*(?:は|:)?\\s*(${CLOSURE_ITEM}(?:(?:${CLOSURE_SEP_LOOSE})?${CLOSURE_ITEM})*)`,
    'gu',
  );
  sc.scan(leading, (m) => (apply(m[1]!) ? true : 'unknown'));
  // 冬期休止 etc. without a recognisable list still says the group stops part of the year.
  sc.scan(new RegExp(`(?:${SEASON})(?:は|の間は?)?\\s*${CLOSED_WORD}`, 'gu'), () => 'unknown');
}

const REMARKS = [
  '(?:雨天|荒天|悪天候)(?:時|の場合)?(?:は)?(?:中止|休み)',
  '雨天決行',
  '小雨決行',
  '時間外(?:の)?利用可能?',
  '24時間(?:対応|営業|受付|利用可能?|体制)',
  '年中無休',
  '無休',
  '要予約',
  '予約制',
  '予約不要',
  '申込不要',
  '要申込み?',
  '送迎あり',
  '(?:詳しく|詳細)はお問い合わせください',
];

function readRemarks(sc: Scanner): void {
  sc.scan(new RegExp(REMARKS.join('|'), 'gu'), () => 'remark');
  // Our own wording for an undetermined schedule carries nothing beyond timesPerMonth/needsReview.
  sc.scan(/\(?日程はお問い合わせください\)?/gu, () => true);
}

function readStartDate(sc: Scanner, st: State): void {
  const re =
    /(?:(\d{4})[年/.〜](\d{1,2})[月/.〜](\d{1,2})日?|(令和|R)\s*(元|\d{1,2})\s*[年.](\d{1,2})[月.](\d{1,2})日?)\s*(?:から|より|〜|開始)/gu;
  sc.scan(re, (m) => {
    let iso: IsoDate | null;
    if (m[1]) {
      iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      if (!isIsoDate(iso)) iso = null;
    } else {
      iso = parseJapaneseDate(`令和${m[5]}年${m[6]}月${m[7]}日`);
    }
    if (iso === null) return 'unknown';
    st.dtstart = iso;
    return true;
  });
}

function readMonthsActive(sc: Scanner, st: State): void {
  const expr = `(?:${MONTH_RANGE}|${MONTH_ONE})`;
  const re = new RegExp(
    `(?<![第\\d])${expr}(?:\\s*(?:・|、|,|と)\\s*${expr})*(?:\\s*(?:の間|の期間|期間中?|のみ|限定))?`,
    'gu',
  );
  sc.scan(re, (m) => {
    const ms = readMonths(m[0]);
    if (!ms) return 'unknown';
    if (st.months === null) st.months = ms;
    else for (const k of ms) st.months.add(k);
    return true;
  });
}

function intervalOf(prefix: string | undefined): number {
  if (!prefix) return 1;
  if (prefix.startsWith('隔')) return 2;
  const m = /(\d)/u.exec(prefix);
  return m ? Number(m[1]) : 1;
}

function readOrdinals(sc: Scanner, st: State): void {
  const ord = `(?:第\\s*\\d|最終|最後の?|月末の(?=${W}曜))`;
  const next = '(?:第?\\s*\\d|最終|最後の?)';
  const re = new RegExp(
    `(毎月|隔月|\\d[かヵヶケ]月(?:ごと|毎)の?)?\\s*(${ord}(?:\\s*(?:・|、|,|と|及び|および)\\s*${next})*)\\s*の?\\s*(${WD}(?:\\s*(?:・|、|,|と)\\s*${WD})*)`,
    'gu',
  );
  sc.scan(re, (m) => {
    const ordinals: number[] = [];
    for (const t of m[2]!.matchAll(/(\d)|最終|最後|月末/gu)) ordinals.push(t[1] ? Number(t[1]) : -1);
    if (ordinals.some((n) => n < -1 || n === 0 || n > 5)) return 'unknown';
    const days = readDayList(m[3]!);
    if (!days) return false;
    for (const n of ordinals) for (const wd of days.days) st.monthlyByDay.push({ n, wd });
    st.monthlyInterval = Math.max(st.monthlyInterval, intervalOf(m[1]));
    return true;
  });
}

function readMonthDays(sc: Scanner, st: State): void {
  const day = '(?:\\d{1,2}|末)日?';
  const re = new RegExp(
    `(毎月|隔月|月々|\\d[かヵヶケ]月(?:ごと|毎)の?)\\s*(${day}(?:\\s*(?:・|、|,|と|及び|および)\\s*${day})*)(?![\\d曜])`,
    'gu',
  );
  sc.scan(re, (m) => {
    const list = m[2]!;
    if (!/[日末]$/u.test(list)) return false;
    const days = [...list.matchAll(/(\d{1,2})|末/gu)].map((t) => (t[1] ? Number(t[1]) : -1));
    if (days.some((d) => d === 0 || d > 31)) return 'unknown';
    st.monthDays.push(...days);
    st.monthlyInterval = Math.max(st.monthlyInterval, intervalOf(m[1]));
    return true;
  });
}

function readCounts(sc: Scanner, st: State): void {
  const tail = '(?:程度|ほど|くらい|ぐらい)?';
  sc.scan(
    new RegExp(`(?<!\\d)(?:毎月|月に?|ひと月に?)\\s*(\\d)\\s*(?:〜\\s*(\\d)\\s*)?回${tail}`, 'gu'),
    (m) => {
      if (m[2] !== undefined) return 'unknown';
      st.perMonth = Number(m[1]);
      return true;
    },
  );
  sc.scan(new RegExp(`(?<!隔)(?:毎週|週に?)\\s*(\\d)\\s*(?:〜\\s*(\\d)\\s*)?(?:回|日)${tail}`, 'gu'), (m) => {
    if (m[2] !== undefined) return 'unknown';
    st.perWeek = Number(m[1]);
    return true;
  });
}

function readDays(sc: Scanner, st: State): void {
  sc.scan(/毎日(?!曜)|(\d)日ごと/gu, (m) => {
    st.daily = true;
    if (m[1]) st.dailyInterval = Number(m[1]);
    return true;
  });
  const prefix = '(毎週|隔週|\\d週間?(?:ごと|毎)の?|毎(?=日曜))?';
  const re = new RegExp(`${prefix}\\s*(${DAY_LIST})(?:(?:・)?(祝日?|祭日))?`, 'gu');
  sc.scan(re, (m) => {
    const reading = readDayList(m[2]!);
    if (!reading) return false;
    const start = m.index;
    const end = start + m[0].length;
    const listEnd = end - (m[3]?.length ?? 0);
    if (reading.bareFirst) {
      // A lone 月 or 金 is usually part of a word (毎月, 料金); believe it only in a list, after 毎週, or as (水).
      const prev = sc.before(start);
      if (m[1] === undefined && (HAN.test(prev) || /\d/u.test(prev))) return false;
      const next = sc.after(listEnd);
      const wrapped = prev === '(' && next === ')';
      // 「水 10:00〜」: a lone day standing between spaces or punctuation is a day, not part of a word.
      const alone = /^$|[\s、。,:;・/]/u.test(prev) && (next === '' || /[\s、。,:;]/u.test(next));
      if (m[1] === undefined && reading.tokens < 2 && !wrapped && !alone) return false;
    }
    if (reading.bareLast && m[3] === undefined && HAN.test(sc.after(end))) return false;
    const interval = intervalOf(m[1]);
    if (st.weekly.size > 0 && interval !== st.weeklyInterval) st.doubtful = true;
    st.weeklyInterval = Math.max(st.weeklyInterval, interval);
    for (const d of reading.days) st.weekly.add(d);
    // 土日祝: the holidays are real dates of the group, but a rule cannot list them, so a person must look.
    return m[3] === undefined ? true : 'unknown';
  });
}

function readTimes(sc: Scanner, st: State): void {
  const setTimes = (t: TimeReading | null): Verdict => {
    if (t === null) return 'unknown';
    if (st.opensAt !== null || st.closesAt !== null) return false;
    st.opensAt = t.opensAt;
    st.closesAt = t.closesAt;
    return t.guessed ? 'unknown' : true;
  };
  // 10〜12時: the first hour borrows 時 (and nothing else) from the second.
  sc.scan(new RegExp(`(?<![\\d:/])${BARE_RANGE}`, 'gu'), (m) =>
    setTimes(readRange(`${m[1] ?? ''}${m[2]}時`, m[3]!)),
  );
  sc.scan(new RegExp(`(?<![\\d:/])${TIME_EXPR}(?!\\d)`, 'gu'), (m) => setTimes(readTimeExpr(m, 1)));
}

// ---------------------------------------------------------------------------------------------------------

const PUNCT = new RegExp(`[\\s、。,.・()\\[\\]「」『』【】〈〉《》〔〕:;!?〜/*※★☆◆◇■□●○${USED}]`, 'gu');
const FILLER =
  /^(?:毎週|毎月|毎|開催日?|実施日?|活動日?|日時|日程|時間|頃|ごろ|の間|から|まで|は|に|で|の|と|及び|および|です|ます|を|にて|など|曜日)+$/u;

function leftovers(sc: Scanner): Fragment[] {
  const out: Fragment[] = [];
  const re = new RegExp(`[^${USED}]+`, 'gu');
  for (const m of sc.work.matchAll(re)) {
    const text = m[0].replace(PUNCT, '');
    if (text === '' || FILLER.test(text)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'unknown' });
  }
  return out;
}

const EDGE = /^[\s、。，,・※]+|[\s、。，,・※]+$/gu;
const BRACKETS: Record<string, string> = {
  '(': ')',
  '（': '）',
  '[': ']',
  '［': '］',
  '「': '」',
  '『': '』',
  '【': '】',
};

/** Trims separators and brackets from the ends of a fragment, but never one half of a pair it still contains. */
function trimFragment(text: string): string {
  let t = text.replace(EDGE, '');
  for (let guard = 0; guard < 10 && t !== ''; guard++) {
    const open = t[0]!;
    const close = t[t.length - 1]!;
    const count = (c: string) => t.split(c).length - 1;
    const closer = BRACKETS[open];
    const opener = Object.keys(BRACKETS).find((k) => BRACKETS[k] === close);
    if (closer !== undefined && count(open) > count(closer)) t = t.slice(1);
    else if (BRACKETS[close] !== undefined) t = t.slice(0, -1);
    else if (Object.values(BRACKETS).includes(open)) t = t.slice(1);
    else if (opener !== undefined && count(close) > count(opener)) t = t.slice(0, -1);
    else if (closer !== undefined && close === closer && wrapsWhole(t, open, closer)) t = t.slice(1, -1);
    else break;
    t = t.replace(EDGE, '');
  }
  return t;
}

function wrapsWhole(t: string, open: string, close: string): boolean {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === open) depth++;
    else if (t[i] === close) depth--;
    if (depth === 0 && i < t.length - 1) return false;
  }
  return depth === 0;
}

function noteOf(sc: Scanner, fragments: Fragment[]): string | null {
  const sorted = [...fragments].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const f of sorted) {
    const last = merged[merged.length - 1];
    // Neighbouring fragments separated only by punctuation become one, keeping the writer's own 、 or 。.
    if (last && (f.start <= last.end || sc.work.slice(last.end, f.start).replace(PUNCT, '') === '')) {
      if (!sc.work.slice(last.end, f.start).includes(USED)) {
        last.end = Math.max(last.end, f.end);
        continue;
      }
    }
    merged.push({ start: f.start, end: f.end });
  }
  const texts = merged.map((r) => trimFragment(sc.original(r.start, r.end))).filter((t) => t !== '');
  return texts.length > 0 ? texts.join('、') : null;
}

/** A parsed rule with why it needs review, for callers (fromHsdsSchedule) that combine several sources. */
export interface DetailedParse {
  rule: ScheduleRule;
  /** Some text was not understood or could only partly be represented. */
  unknown: boolean;
  /** The text was understood but does not fix the dates (月2回, 週4日, no days at all). */
  undetermined: boolean;
}

function assemble(sc: Scanner, st: State): DetailedParse {
  // Per-day hours (日曜日は17:00まで) add their days to a weekly rule; when they are the only days, they are the rule.
  const hasDays = st.daily || st.weekly.size > 0 || st.monthlyByDay.length > 0 || st.monthDays.length > 0;
  if (st.pairs.length > 0) {
    if (!hasDays && st.perMonth === null && st.perWeek === null) {
      for (const p of st.pairs) for (const d of p.days) st.weekly.add(d);
      const same = st.pairs.every(
        (p) => p.opensAt === st.pairs[0]!.opensAt && p.closesAt === st.pairs[0]!.closesAt,
      );
      if (same && st.opensAt === null && st.closesAt === null) {
        st.opensAt = st.pairs[0]!.opensAt;
        st.closesAt = st.pairs[0]!.closesAt;
        const taken = new Set(st.pairs.map((p) => p.start));
        for (let k = sc.fragments.length - 1; k >= 0; k--)
          if (taken.has(sc.fragments[k]!.start)) sc.fragments.splice(k, 1);
      }
    } else if (!st.daily && st.weekly.size > 0) {
      for (const p of st.pairs) for (const d of p.days) st.weekly.add(d);
    }
  }

  if (st.excludedDays.size > 0) {
    if (st.daily || (!hasDays && st.pairs.length === 0)) {
      for (const d of ALL_WEEKDAYS) if (!st.excludedDays.has(d)) st.weekly.add(d);
      st.daily = false;
    } else {
      for (const d of st.excludedDays) st.weekly.delete(d);
      if (st.monthlyByDay.some((b) => st.excludedDays.has(b.wd))) st.doubtful = true;
    }
  }
  if (st.daily && st.weekly.size > 0) st.weekly.clear();
  if (st.weekly.size === 7 && st.weeklyInterval === 1) {
    st.weekly.clear();
    st.daily = true;
  }

  const kinds = [st.daily, st.weekly.size > 0, st.monthlyByDay.length > 0, st.monthDays.length > 0].filter(
    Boolean,
  );
  let shape: RruleShape | null = null;
  let undetermined = false;
  const byday = sortByDay(st.monthlyByDay);
  const monthDays = sortOrdinals(st.monthDays);
  let perMonth = st.perMonth;
  let perWeek = st.perWeek;
  if (kinds.length > 1) {
    st.conflict = true;
  } else if (st.daily) {
    if (perMonth !== null || (perWeek !== null && perWeek !== 7)) undetermined = true;
    else shape = { freq: 'DAILY', interval: st.dailyInterval, byday: [], bymonthday: [] };
    if (perWeek === 7) perWeek = null;
  } else if (st.weekly.size > 0) {
    const days = sortWeekdays(st.weekly);
    if (perMonth !== null || (perWeek !== null && (perWeek !== days.length || st.weeklyInterval > 1))) {
      undetermined = true;
    } else {
      perWeek = null;
      shape = {
        freq: 'WEEKLY',
        interval: st.weeklyInterval,
        byday: days.map((wd) => ({ n: null, wd })),
        bymonthday: [],
      };
    }
  } else if (byday.length > 0 || monthDays.length > 0) {
    const count = byday.length + monthDays.length;
    shape = { freq: 'MONTHLY', interval: st.monthlyInterval, byday, bymonthday: monthDays };
    if (perWeek !== null || (perMonth !== null && perMonth !== count)) st.doubtful = true;
    else perMonth = null;
  } else if (sc.source.trim() !== '') {
    undetermined = true;
  }

  let months: number[] | null = st.months ? [...st.months] : null;
  if (st.excludedMonths.size > 0) {
    months = (months ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).filter((k) => !st.excludedMonths.has(k));
  }
  if (months !== null) {
    months.sort((a, b) => a - b);
    if (months.length === 0) {
      st.doubtful = true;
      months = null;
    } else if (months.length === 12) months = null;
  }
  if (st.opensAt !== null && st.closesAt !== null && st.closesAt <= st.opensAt) st.doubtful = true;

  const fragments = [...sc.fragments, ...leftovers(sc)];
  const unknown = fragments.some((f) => f.kind === 'unknown') || st.doubtful || st.conflict;
  const note = st.conflict ? sc.source.trim() : noteOf(sc, fragments);
  const weekdays = shape
    ? shape.freq === 'DAILY'
      ? [...ALL_WEEKDAYS]
      : sortWeekdays(shape.byday.map((b) => b.wd))
    : sortWeekdays([...st.weekly, ...byday.map((b) => b.wd), ...(st.daily ? ALL_WEEKDAYS : [])]);
  const interval = shape?.interval ?? 1;
  const rule: ScheduleRule = {
    rrule: shape ? formatRrule(shape) : null,
    dtstart: st.dtstart,
    opensAt: st.opensAt,
    closesAt: st.closesAt,
    weekdays,
    timesPerMonth: shape && perMonth === null ? null : perMonth,
    timesPerWeek: shape && perWeek === null ? null : perWeek,
    months,
    closedOnHolidays: st.holidays,
    closures: st.closures,
    note,
    needsReview: unknown || undetermined || (interval > 1 && st.dtstart === null),
    source: sc.source,
  };
  return { rule, unknown, undetermined };
}

/** Parses with the reasons for review kept apart (used by the HSDS import). */
export function parseScheduleDetailed(text: string): DetailedParse {
  const sc = new Scanner(text);
  const st = newState();
  readProvisos(sc);
  readDayTimePairs(sc, st);
  readClosures(sc, st);
  readRemarks(sc);
  readStartDate(sc, st);
  readMonthsActive(sc, st);
  readOrdinals(sc, st);
  readMonthDays(sc, st);
  readCounts(sc, st);
  readDays(sc, st);
  readTimes(sc, st);
  return assemble(sc, st);
}

/** Reads a schedule as towns write it (毎月第4水曜日 10時〜12時, 月火水木金 8:30〜17:15 祝日休み, 月2回金曜日 …); anything not understood is kept in note. */
export function parseJapaneseSchedule(text: string): ScheduleRule {
  return parseScheduleDetailed(text).rule;
}

/** Reads the 高松市-style open-data columns availableDate ('月火水木金'), startTime, endTime ('09:00') and availableDateNote. */
export function parseOpenDataSchedule(row: {
  availableDate?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  availableDateNote?: string | null;
}): ScheduleRule {
  const start = row.startTime?.trim() ?? '';
  const end = row.endTime?.trim() ?? '';
  const hours = start && end ? `${start}〜${end}` : start ? `${start}から` : end ? `${end}まで` : '';
  const text = [row.availableDate?.trim() ?? '', hours, row.availableDateNote?.trim() ?? '']
    .filter((t) => t !== '')
    .join(' ');
  return parseJapaneseSchedule(text);
}

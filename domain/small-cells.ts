/*
 * Small-cell suppression for survey tables. A count of fewer than five respondents (0 included: “none
 * of the 6 people in this 圏域 goes out weekly” tells something about each of them) is shown only to
 * 保険者 staff. Everyone else, including 協議体 members and printed 資料, sees 「—（5人未満）」.
 *
 * Hiding the cell is not enough when the row total is shown: total minus the other cells gives it
 * back. So when a row (or column) has exactly one hidden cell, the next smallest is hidden too
 * (secondary suppression), and the same check repeats until no total can be used to recover a cell.
 */

import type { Role } from './roles';

/** The smallest count that may be shown to people other than 保険者 staff. */
export const SMALL_CELL_MINIMUM = 5;

/** Why a cell is hidden: too few people, or hidden only so that another cannot be worked out. */
export type SuppressionReason = 'small' | 'secondary';

/** A table cell ready to render: its value when shown, and the text to print either way. */
export type Cell =
  | { shown: true; value: number; text: string }
  | { shown: false; reason: SuppressionReason; text: string };

/** True for the one role that may see small cells (保険者 staff); everyone else gets suppressed tables. */
export function seesSmallCells(role: Role): boolean {
  return role === 'insurer_staff';
}

function hiddenText(reason: SuppressionReason, minimum: number): string {
  // A secondary cell is not small, so it must not say 「5人未満」; it says only that it is withheld.
  return reason === 'small' ? `—（${minimum}人未満）` : '—（秘匿）';
}

function hidden(reason: SuppressionReason, minimum: number): Cell {
  return { shown: false, reason, text: hiddenText(reason, minimum) };
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a count of people: ${count}`);
}

/** One count as a cell: hidden when below the minimum (default 5), shown as '12' otherwise. */
export function suppress(count: number, minimum: number = SMALL_CELL_MINIMUM): Cell {
  checkCount(count);
  return count < minimum
    ? hidden('small', minimum)
    : { shown: true, value: count, text: count.toLocaleString('ja-JP') };
}

/**
 * A percentage as a cell ('12.3%'). Hidden when the denominator is below the minimum, and, unless
 * the numerator is itself public, also when the numerator is: 2.5% of a shown 120 is 3 people.
 */
export function percent(
  numerator: number,
  denominator: number,
  opts: { minimum?: number; digits?: number; numeratorIsPublic?: boolean } = {},
): Cell {
  const minimum = opts.minimum ?? SMALL_CELL_MINIMUM;
  checkCount(numerator);
  checkCount(denominator);
  if (numerator > denominator) throw new RangeError(`percent: ${numerator} is more than ${denominator}`);
  if (denominator < minimum || (!opts.numeratorIsPublic && numerator < minimum))
    return hidden('small', minimum);
  const value = (numerator / denominator) * 100;
  return { shown: true, value, text: `${value.toFixed(opts.digits ?? 1)}%` };
}

type State = 'shown' | SuppressionReason;

/** A sum that is published: its parts and the total, as indexes into one list of values. */
interface Constraint {
  parts: readonly number[];
  total: number;
}

// Repeats until stable: whenever exactly one member of a published sum is hidden, hide the smallest
// shown part (the total itself only when no part is left). Each round hides one more cell, so it ends.
function protect(values: readonly number[], minimum: number, constraints: readonly Constraint[]): Cell[] {
  const state: State[] = values.map((v) => (v < minimum ? 'small' : 'shown'));
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of constraints) {
      const members = [...c.parts, c.total];
      if (members.filter((i) => state[i] !== 'shown').length !== 1) continue;
      const candidates = c.parts.filter((i) => state[i] === 'shown');
      let pick: number;
      if (candidates.length > 0)
        pick = candidates.reduce((best, i) => (values[i]! < values[best]! ? i : best));
      else if (state[c.total] === 'shown') pick = c.total;
      else continue; // the lone hidden member is the total of an empty sum: nothing to recover
      state[pick] = 'secondary';
      changed = true;
    }
  }
  return values.map((v, i) => {
    const s = state[i]!;
    return s === 'shown' ? suppress(v, minimum) : hidden(s, minimum);
  });
}

/** A row of counts and its total, with small cells hidden and one more when only one would be. */
export function suppressRow(
  counts: readonly number[],
  minimum: number = SMALL_CELL_MINIMUM,
): { cells: Cell[]; total: Cell } {
  for (const n of counts) checkCount(n);
  const total = counts.reduce((s, n) => s + n, 0);
  const out = protect([...counts, total], minimum, [
    { parts: counts.map((_, i) => i), total: counts.length },
  ]);
  return { cells: out.slice(0, counts.length), total: out[counts.length]! };
}

/** A suppressed two-way table with its row, column and grand totals (all published). */
export interface SuppressedTable {
  cells: Cell[][];
  rowTotals: Cell[];
  columnTotals: Cell[];
  total: Cell;
}

/**
 * A table of counts (rows × columns, e.g. 圏域 × 年齢階級) with row, column and grand totals, protected
 * so that no hidden cell can be recovered from any one published total.
 */
export function suppressTable(
  rows: readonly (readonly number[])[],
  minimum: number = SMALL_CELL_MINIMUM,
): SuppressedTable {
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width)) throw new RangeError('suppressTable: rows differ in length');
  for (const r of rows) r.forEach(checkCount);
  const height = rows.length;
  // Layout of the flat list: cells row by row, then row totals, then column totals, then the grand total.
  const cell = (r: number, c: number) => r * width + c;
  const rowTotal = (r: number) => height * width + r;
  const colTotal = (c: number) => height * width + height + c;
  const grand = height * width + height + width;

  const values = [
    ...rows.flat(),
    ...rows.map((r) => r.reduce((s, n) => s + n, 0)),
    ...Array.from({ length: width }, (_, c) => rows.reduce((s, r) => s + r[c]!, 0)),
    rows.flat().reduce((s, n) => s + n, 0),
  ];
  const span = (n: number) => Array.from({ length: n }, (_, i) => i);
  const constraints: Constraint[] = [
    ...span(height).map((r) => ({ parts: span(width).map((c) => cell(r, c)), total: rowTotal(r) })),
    ...span(width).map((c) => ({ parts: span(height).map((r) => cell(r, c)), total: colTotal(c) })),
    { parts: span(height).map(rowTotal), total: grand },
    { parts: span(width).map(colTotal), total: grand },
  ];
  const out = protect(values, minimum, constraints);
  return {
    cells: span(height).map((r) => span(width).map((c) => out[cell(r, c)]!)),
    rowTotals: span(height).map((r) => out[rowTotal(r)]!),
    columnTotals: span(width).map((c) => out[colTotal(c)]!),
    total: out[grand]!,
  };
}

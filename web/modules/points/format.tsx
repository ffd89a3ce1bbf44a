import type { PointActivity } from '../../../contracts/points';
import { fiscalYearLabel, fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import { formatMinutes } from '../../../domain/points';

/** 1,234 (tabular), the unit given by the column head. */
export const n = (v: number) => v.toLocaleString('ja-JP');

/** +100 / −50: a statement line's movement, the sign spelled out for screen readers too. */
export function Signed({ value }: { value: number }) {
  return (
    <span className={value < 0 ? 'points-minus' : 'points-plus'}>
      {value > 0 ? '+' : value < 0 ? '−' : ''}
      {n(Math.abs(value))}
    </span>
  );
}

/** What was done: the kind, or the time given. */
export function activityWhat(a: Pick<PointActivity, 'kindLabel' | 'minutes'>): string {
  return a.kindLabel || (a.minutes ? formatMinutes(a.minutes) : '');
}

export const currentFiscalYear = () => fiscalYearOf(todayInTokyo());

/** This 年度 and the two before it, newest first. */
export function recentYears(): number[] {
  const fy = currentFiscalYear();
  return [fy, fy - 1, fy - 2];
}

export function YearOptions() {
  return (
    <>
      {recentYears().map((fy) => (
        <option key={fy} value={fy}>
          {fiscalYearLabel(fy)}（{fy}年度）
        </option>
      ))}
    </>
  );
}

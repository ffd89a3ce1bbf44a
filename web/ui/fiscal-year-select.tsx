import { fiscalYearLabel } from '../../domain/dates';
import { SelectField } from './field';

/** 「年度」: a choice among some 年度, written in 和暦 (令和8年度) with the Western year on hover. */
export function FiscalYearSelect({
  id,
  value,
  years,
  onChange,
}: {
  id: string;
  value: number;
  /** Newest first, as offices list them. */
  years: readonly number[];
  onChange: (fy: number) => void;
}) {
  return (
    <SelectField
      id={id}
      label="年度"
      value={String(value)}
      onChange={(e) => onChange(Number(e.target.value))}
    >
      {years.map((y) => (
        <option key={y} value={String(y)} title={`${y}年度`}>
          {fiscalYearLabel(y)}
        </option>
      ))}
    </SelectField>
  );
}

import { Trash2 } from 'lucide-react';
import { useId } from 'react';
import type { IsoDate } from '../../../domain/dates';
import { describeSchedule } from '../../../domain/schedule';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/field';
import {
  type Freq,
  type PartsDraft,
  partsFromRule,
  previewSchedule,
  type ScheduleDraft,
  type SchedulePreview,
} from './form-values';
import { NextDates } from './format';

const FREQS: { value: Freq; label: string }[] = [
  { value: 'weekly', label: '毎週' },
  { value: 'biweekly', label: '隔週' },
  { value: 'monthly-weekday', label: '毎月 第n曜日' },
  { value: 'monthly-day', label: '毎月 n日' },
  { value: 'daily', label: '毎日' },
];

/** 月〜日 in the order a Japanese calendar shows them. */
const DAYS = [
  { value: 1, label: '月' },
  { value: 2, label: '火' },
  { value: 3, label: '水' },
  { value: 4, label: '木' },
  { value: 5, label: '金' },
  { value: 6, label: '土' },
  { value: 0, label: '日' },
];

const ORDINALS = [
  { value: 1, label: '第1' },
  { value: 2, label: '第2' },
  { value: 3, label: '第3' },
  { value: 4, label: '第4' },
  { value: 5, label: '第5' },
  { value: -1, label: '最終' },
];

const toggle = (list: number[], value: number, on: boolean) =>
  on ? [...new Set([...list, value])] : list.filter((x) => x !== value);

/**
 * One schedule: typed as Japanese text (read live, with what could not be read kept as a note) or
 * built from parts (毎週・隔週・毎月第n曜日・毎月n日・毎日). Either way the Japanese reading and the
 * next dates show under it as it changes.
 */
export function ScheduleEditor({
  draft,
  index,
  today,
  error,
  onChange,
  onRemove,
}: {
  draft: ScheduleDraft;
  index: number;
  today: IsoDate;
  error: string | null;
  onChange: (next: ScheduleDraft) => void;
  onRemove: () => void;
}) {
  const uid = useId();
  const base = `resource-schedules-${index}`;
  const preview = previewSchedule(draft, today);
  const setParts = (patch: Partial<PartsDraft>) =>
    onChange({ ...draft, parts: { ...draft.parts, ...patch } });

  const switchMode = (mode: 'text' | 'parts') => {
    if (mode === draft.mode) return;
    if (mode === 'parts') {
      // Start the builder from what the text says, where the builder can say it too.
      const parts = preview.rule ? partsFromRule(preview.rule) : draft.parts;
      onChange({ ...draft, mode, parts });
    } else {
      const text = preview.rule && !preview.error ? describeSchedule(preview.rule) : draft.text;
      onChange({ ...draft, mode, text, original: null });
    }
  };

  // The builder's own message already shows in the reading; the field error adds only what the server said.
  const showError = Boolean(error && !(preview.error && error.includes(preview.error)));
  const showWeekdays = draft.parts.freq !== 'daily' && draft.parts.freq !== 'monthly-day';
  return (
    <div className={`schedule-editor${error ? ' field--error' : ''}`}>
      <div className="schedule-editor__head">
        <h3 id={`${uid}-title`}>日時 {index + 1}</h3>
        <Button variant="quiet" small icon={<Trash2 aria-hidden="true" size={16} />} onClick={onRemove}>
          日時 {index + 1} を削除
        </Button>
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">入力のしかた</legend>
        <div className="radio-row">
          <label className="check">
            <input
              type="radio"
              name={`${uid}-mode`}
              checked={draft.mode === 'text'}
              onChange={() => switchMode('text')}
            />
            <span>文章で入力する</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${uid}-mode`}
              checked={draft.mode === 'parts'}
              onChange={() => switchMode('parts')}
            />
            <span>選んで作る</span>
          </label>
        </div>
      </fieldset>

      {showError && (
        <p className="field__error" id={`${base}-error`}>
          <span className="visually-hidden">エラー：</span>
          {error}
        </p>
      )}

      {draft.mode === 'text' ? (
        <div className="field">
          <label className="field__label" htmlFor={base}>
            日時（文章）
          </label>
          <span className="field__hint" id={`${base}-hint`}>
            チラシの書き方のままで入力できます。例：毎月第2水曜日 10時〜12時（祝日は休み）、月・木 9:30〜11:30
          </span>
          <textarea
            id={base}
            className="textarea textarea--short"
            rows={2}
            value={draft.text}
            aria-describedby={[showError && `${base}-error`, `${base}-hint`, `${base}-reading`]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange({ ...draft, text: e.target.value })}
          />
        </div>
      ) : (
        <PartsBuilder
          base={base}
          uid={uid}
          parts={draft.parts}
          setParts={setParts}
          showWeekdays={showWeekdays}
        />
      )}

      <Reading id={`${base}-reading`} preview={preview} mode={draft.mode} />
    </div>
  );
}

function PartsBuilder({
  base,
  uid,
  parts,
  setParts,
  showWeekdays,
}: {
  base: string;
  uid: string;
  parts: PartsDraft;
  setParts: (patch: Partial<PartsDraft>) => void;
  showWeekdays: boolean;
}) {
  return (
    <div className="parts-builder">
      <fieldset className="fieldset">
        <legend className="fieldset__legend">繰り返し</legend>
        <div className="radio-row">
          {FREQS.map((f, i) => (
            <label className="check" key={f.value}>
              <input
                id={i === 0 ? base : undefined}
                type="radio"
                name={`${uid}-freq`}
                checked={parts.freq === f.value}
                onChange={() => setParts({ freq: f.value })}
              />
              <span>{f.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {parts.freq === 'monthly-weekday' && (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">第何週</legend>
          <div className="check-row">
            {ORDINALS.map((o) => (
              <Checkbox
                key={o.value}
                label={o.label}
                checked={parts.ordinals.includes(o.value)}
                onChange={(e) => setParts({ ordinals: toggle(parts.ordinals, o.value, e.target.checked) })}
              />
            ))}
          </div>
        </fieldset>
      )}
      {showWeekdays && (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">曜日</legend>
          <div className="check-row">
            {DAYS.map((d) => (
              <Checkbox
                key={d.value}
                label={d.label}
                checked={parts.weekdays.includes(d.value)}
                onChange={(e) => setParts({ weekdays: toggle(parts.weekdays, d.value, e.target.checked) })}
              />
            ))}
          </div>
        </fieldset>
      )}
      {parts.freq === 'monthly-day' && (
        <div className="field">
          <label className="field__label" htmlFor={`${uid}-days`}>
            日付
          </label>
          <span className="field__hint" id={`${uid}-days-hint`}>
            数字を「,」で区切って入力します。月末は「末」。例：10, 25
          </span>
          <input
            id={`${uid}-days`}
            className="input input--short"
            inputMode="text"
            value={parts.monthDays}
            aria-describedby={`${uid}-days-hint`}
            onChange={(e) => setParts({ monthDays: e.target.value })}
          />
        </div>
      )}
      {parts.freq === 'biweekly' && (
        <div className="field">
          <label className="field__label" htmlFor={`${uid}-start`}>
            初回の日
          </label>
          <span className="field__hint" id={`${uid}-start-hint`}>
            隔週はどの週かを決めるために、開催した日を1つ入力します。
          </span>
          <input
            id={`${uid}-start`}
            className="input input--short"
            type="date"
            value={parts.dtstart}
            aria-describedby={`${uid}-start-hint`}
            onChange={(e) => setParts({ dtstart: e.target.value })}
          />
        </div>
      )}
      <div className="time-row">
        <div className="field">
          <label className="field__label" htmlFor={`${uid}-opens`}>
            開始時刻
          </label>
          <input
            id={`${uid}-opens`}
            className="input input--short"
            type="time"
            value={parts.opensAt}
            onChange={(e) => setParts({ opensAt: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${uid}-closes`}>
            終了時刻
          </label>
          <input
            id={`${uid}-closes`}
            className="input input--short"
            type="time"
            value={parts.closesAt}
            onChange={(e) => setParts({ closesAt: e.target.value })}
          />
        </div>
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">開催する月</legend>
        <Checkbox
          label="通年（1年中）"
          checked={parts.allYear}
          onChange={(e) =>
            setParts({ allYear: e.target.checked, months: e.target.checked ? [] : parts.months })
          }
        />
        {!parts.allYear && (
          <div className="check-row">
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <Checkbox
                key={m}
                label={`${m}月`}
                checked={parts.months.includes(m)}
                onChange={(e) => setParts({ months: toggle(parts.months, m, e.target.checked) })}
              />
            ))}
          </div>
        )}
      </fieldset>
      <Checkbox
        label="祝日は休み"
        checked={parts.closedOnHolidays}
        onChange={(e) => setParts({ closedOnHolidays: e.target.checked })}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${uid}-note`}>
          補足
        </label>
        <span className="field__hint" id={`${uid}-note-hint`}>
          例：雨天中止、8月はお休み
        </span>
        <input
          id={`${uid}-note`}
          className="input"
          value={parts.note}
          aria-describedby={`${uid}-note-hint`}
          onChange={(e) => setParts({ note: e.target.value })}
        />
      </div>
    </div>
  );
}

/** The Japanese reading and the next dates, updated as the schedule changes. */
function Reading({ id, preview, mode }: { id: string; preview: SchedulePreview; mode: 'text' | 'parts' }) {
  const rule = preview.rule;
  return (
    <div className="schedule-reading" id={id} aria-live="polite">
      {preview.error ? (
        <p className="field__error">{preview.error}</p>
      ) : rule ? (
        <>
          <p>
            <span className="schedule-reading__label">読み方：</span>
            <strong>{preview.reading}</strong>
          </p>
          {rule.needsReview && (
            <p className="review-flag">
              確認が必要です（日付が決まらない部分や、読み取れない部分があります）
            </p>
          )}
          {mode === 'text' && rule.note && (
            <p className="muted">読み取れなかった部分（そのまま残します）：{rule.note}</p>
          )}
          {preview.nextDates.length > 0 ? (
            <NextDates dates={preview.nextDates} label="次の3回" />
          ) : (
            <p className="muted">次の日程は決まりません。</p>
          )}
        </>
      ) : (
        <p className="muted">
          {mode === 'text'
            ? '入力すると、ここに読み方と次の日程が出ます。'
            : '選ぶと、ここに読み方と次の日程が出ます。'}
        </p>
      )}
    </div>
  );
}

import { Check, Info, Minus, Plus } from 'lucide-react';
import type { Referral } from '../../../contracts/matching';
import { daysBetween, formatMonthDay, formatWareki, todayInTokyo } from '../../../domain/dates';
import { type ReferralStatus, referralStatusLabel } from '../../../domain/referrals';
import { KANJI_DAYS, WEEK_ORDER } from '../../../domain/schedule-rrule';

/** The step as a badge: colour and word (never the colour alone). */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  return <span className={`ref-status ref-status--${status}`}>{referralStatusLabel(status)}</span>;
}

const LOOP: ReferralStatus[] = ['proposed', 'contacted', 'accepted', 'started', 'ongoing', 'ended'];

/** 提案 → 連絡済 → … → 終了, with where this referral stands (不成立 stops the line where it failed). */
export function ReferralSteps({ referral }: { referral: Pick<Referral, 'status' | 'startedOn'> }) {
  const failed = referral.status === 'failed';
  const at = failed ? -1 : LOOP.indexOf(referral.status);
  return (
    <ol className="ref-steps" aria-label="つなぎの段階">
      {LOOP.map((s, i) => {
        const state = i < at || (i === at && s === 'ended') ? 'done' : i === at ? 'current' : 'todo';
        return (
          <li
            key={s}
            className={`ref-steps__step ref-steps__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            {state === 'done' && <Check aria-hidden="true" size={14} />}
            <span>{referralStatusLabel(s)}</span>
            {state === 'done' && <span className="visually-hidden">（済み）</span>}
          </li>
        );
      })}
      {failed && (
        <li className="ref-steps__step ref-steps__step--failed" aria-current="step">
          <span>不成立</span>
        </li>
      )}
    </ol>
  );
}

/** One reason line of a suggestion, with a sign that does not rely on colour. */
export function ReasonList({ reasons }: { reasons: { text: string; tone: 'good' | 'bad' | 'info' }[] }) {
  return (
    <ul className="reasons">
      {reasons.map((r) => {
        const Icon = r.tone === 'good' ? Plus : r.tone === 'bad' ? Minus : Info;
        return (
          <li key={r.text} className={`reasons__item reasons__item--${r.tone}`}>
            <Icon aria-hidden="true" size={14} />
            <span className="visually-hidden">
              {r.tone === 'good' ? '良い点：' : r.tone === 'bad' ? '気になる点：' : ''}
            </span>
            {r.text}
          </li>
        );
      })}
    </ul>
  );
}

/** 「12月8日（月）」, said as 「今日」 or 「3日過ぎ」 when it matters. */
export function FollowUpDate({ date, today = todayInTokyo() }: { date: string | null; today?: string }) {
  if (!date) return <span className="muted">なし</span>;
  const days = daysBetween(date, today);
  return (
    <time
      dateTime={date}
      title={`${formatWareki(date)}（${date}）`}
      className={days > 0 ? 'overdue' : undefined}
    >
      {formatMonthDay(date)}
      {days === 0 ? '・今日' : days > 0 ? `・${days}日過ぎ` : ''}
    </time>
  );
}

/** Weekday toggles in 月〜日 order: the days that suit the person. */
export function DaysPicker({
  value,
  onChange,
  legend = 'ご都合のよい曜日（選ぶと合う候補が上に来ます）',
}: {
  value: number[];
  onChange: (days: number[]) => void;
  legend?: string;
}) {
  return (
    <fieldset className="days-picker">
      <legend>{legend}</legend>
      <div className="days-picker__days">
        {WEEK_ORDER.map((d) => (
          <label key={d} className="days-picker__day">
            <input
              type="checkbox"
              checked={value.includes(d)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...value, d].sort((a, b) => a - b) : value.filter((x) => x !== d),
                )
              }
            />
            <span>{KANJI_DAYS[d]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

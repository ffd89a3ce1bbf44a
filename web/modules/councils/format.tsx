import type { MeetingSummary } from '../../../contracts/councils';
import { LAYER_SHORT, type Layer } from '../../../domain/areas';
import { dueState, meetingStatusLabel, taskStatusLabel } from '../../../domain/councils';
import { fiscalYearOf, formatWareki, todayInTokyo } from '../../../domain/dates';
import { errorFor, type FormErrors } from '../../lib/form';
import { Badge } from '../../ui/badge';
import { Checkbox, TextField } from '../../ui/field';

/** 「第3回」, or 「中止」 for a cancelled meeting. */
export function meetingNumber(m: Pick<MeetingSummary, 'number' | 'status'>): string {
  return m.number ? `第${m.number}回` : meetingStatusLabel(m.status);
}

/** 「令和8年11月10日 14:00〜16:00」 */
export function meetingWhen(m: Pick<MeetingSummary, 'heldOn' | 'startsAt' | 'endsAt'>): string {
  const time = m.startsAt ? ` ${m.startsAt}${m.endsAt ? `〜${m.endsAt}` : ''}` : '';
  return `${formatWareki(m.heldOn)}${time}`;
}

export function LayerBadge({ layer }: { layer: number }) {
  return <Badge>{LAYER_SHORT[layer as Layer] ?? `第${layer}層`}</Badge>;
}

export function MeetingStatusBadge({ status }: { status: string }) {
  return <Badge tone={status === 'held' ? 'layer' : 'muted'}>{meetingStatusLabel(status)}</Badge>;
}

/** A task's due date with 期限切れ / 今日まで said in words (never by colour alone). */
export function DueDate({ due, status }: { due: string; status: string }) {
  const state = dueState(due, todayInTokyo(), status);
  return (
    <span className={`due due--${state}`}>
      <time dateTime={due} title={due}>
        {formatWareki(due)}
      </time>
      {state === 'overdue' && <strong>（期限切れ）</strong>}
      {state === 'today' && <strong>（今日まで）</strong>}
      {status !== 'open' && <span>（{taskStatusLabel(status)}）</span>}
    </span>
  );
}

interface WhenWhere {
  heldOn: string;
  startsAt: string;
  endsAt: string;
  place: string;
  online: boolean;
}

/** 開催日・開始・終了・場所・オンライン: the same fields when a meeting is prepared and when it is recorded. */
export function MeetingWhenWhere<V extends WhenWhere>({
  form,
  values,
  errors,
  onChange,
}: {
  /** Prefix of the control ids (the error summary links to `${form}-heldOn` …). */
  form: string;
  values: V;
  errors: FormErrors;
  onChange: (patch: Partial<WhenWhere>) => void;
}) {
  return (
    <>
      <TextField
        id={`${form}-heldOn`}
        label="開催日"
        type="date"
        required
        value={values.heldOn}
        onChange={(e) => onChange({ heldOn: e.target.value })}
        error={errorFor(errors, 'heldOn')}
      />
      <div className="meeting-form__times">
        <TextField
          id={`${form}-startsAt`}
          label="開始"
          type="time"
          value={values.startsAt}
          onChange={(e) => onChange({ startsAt: e.target.value })}
          error={errorFor(errors, 'startsAt')}
        />
        <TextField
          id={`${form}-endsAt`}
          label="終了"
          type="time"
          value={values.endsAt}
          onChange={(e) => onChange({ endsAt: e.target.value })}
          error={errorFor(errors, 'endsAt')}
        />
      </div>
      <TextField
        id={`${form}-place`}
        label="場所"
        value={values.place}
        onChange={(e) => onChange({ place: e.target.value })}
        error={errorFor(errors, 'place')}
      />
      <Checkbox
        label="オンラインでも参加できる"
        checked={values.online}
        onChange={(e) => onChange({ online: e.target.checked })}
      />
    </>
  );
}

/** This 年度 and the two before it (and next year's, `ahead` = 1), newest first. */
export function recentYears(ahead: 0 | 1): number[] {
  const fy = fiscalYearOf(todayInTokyo());
  return [fy + ahead, fy + ahead - 1, fy + ahead - 2, ...(ahead ? [fy - 2] : [])];
}

/** A checkbox list's new value: `id` added or taken out. */
export function toggled(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...list, id] : list.filter((x) => x !== id);
}

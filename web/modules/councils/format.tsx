import type { MeetingSummary } from '../../../contracts/councils';
import { LAYER_SHORT, type Layer } from '../../../domain/areas';
import { dueState, meetingStatusLabel, taskStatusLabel } from '../../../domain/councils';
import { formatWareki, todayInTokyo } from '../../../domain/dates';
import { Badge } from '../../ui/badge';

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

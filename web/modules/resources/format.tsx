import { AlertTriangle, Lock } from 'lucide-react';
import { formatWareki, todayInTokyo } from '../../../domain/dates';
import { RESOURCE_STATUSES, type ResourceStatus } from '../../../domain/resources';
import { KANJI_DAYS } from '../../../domain/schedule-rrule';
import { Badge } from '../../ui/badge';
import { WarekiDate } from '../../ui/dates';

/** 「12月9日（水）」, with the 和暦 year when it is not this year (「令和9年1月6日（水）」). */
export function shortDateText(iso: string, today = todayInTokyo()): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = KANJI_DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const sameYear = iso.slice(0, 4) === today.slice(0, 4);
  const head = sameYear ? `${m}月${d}日` : formatWareki(iso);
  return `${head}（${weekday}）`;
}

/** The next dates as a list of 「12月9日（水）」 with the full 和暦 and the ISO date on hover. */
export function NextDates({ dates, label }: { dates: readonly string[]; label?: string }) {
  if (dates.length === 0) return null;
  return (
    <p className="next-dates">
      <span className="next-dates__label">{label ?? '次の日程'}：</span>
      {dates.map((d, i) => (
        <span key={d}>
          {i > 0 && '、'}
          <time dateTime={d} title={`${formatWareki(d)}（${d}）`}>
            {shortDateText(d)}
          </time>
        </span>
      ))}
    </p>
  );
}

/** 「約40m」「約1.2km」 */
export function distanceText(metres: number | null): string {
  if (metres === null) return '距離は不明';
  if (metres < 1000) return `約${Math.max(10, Math.round(metres / 10) * 10)}m`;
  return `約${(metres / 1000).toFixed(1)}km`;
}

export function yen(amount: number | null): string {
  return amount === null ? '' : `${amount.toLocaleString('ja-JP')}円`;
}

export function statusLabel(status: ResourceStatus): string {
  return RESOURCE_STATUSES[status];
}

/** The status as a badge, only when it is not the ordinary 活動中. */
export function StatusBadge({ status }: { status: ResourceStatus }) {
  if (status === 'active') return null;
  return <Badge tone="muted">{statusLabel(status)}</Badge>;
}

/** 「確認期限切れ」 with the date it passed. */
export function StaleBadge({ due }: { due: string | null }) {
  return (
    <span className="stale-badge">
      <AlertTriangle aria-hidden="true" size={14} />
      確認期限切れ
      {due && (
        <>
          （<WarekiDate date={due} />）
        </>
      )}
    </span>
  );
}

/** Marks staff-only content: never shown to residents or in open data. */
export function PrivateBadge() {
  return (
    <span className="private-badge">
      <Lock aria-hidden="true" size={13} />
      非公開
    </span>
  );
}

/** 「令和8年11月24日」 from an ISO instant, in Japan time. */
export function warekiOfInstant(instant: string): string {
  return formatWareki(todayInTokyo(new Date(instant)));
}

import { fiscalYearLabel, formatWareki, todayInTokyo } from '../../domain/dates';

/** '令和6年4月1日' with the ISO date on hover and in the markup. */
export function WarekiDate({ date, suffix }: { date: string; suffix?: string }) {
  return (
    <time dateTime={date} title={date}>
      {formatWareki(date)}
      {suffix}
    </time>
  );
}

const TIME = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

/** An instant as '令和8年5月1日 09:30' in Japan time, with the ISO instant on hover. */
export function formatWarekiDateTime(instant: string): string {
  const d = new Date(instant);
  return `${formatWareki(todayInTokyo(d))} ${TIME.format(d)}`;
}

export function WarekiDateTime({ instant }: { instant: string }) {
  return (
    <time dateTime={instant} title={instant}>
      {formatWarekiDateTime(instant)}
    </time>
  );
}

/** '令和6年度' with the Western year on hover. */
export function FiscalYear({ fy }: { fy: number }) {
  return <span title={`${fy}年度`}>{fiscalYearLabel(fy)}</span>;
}

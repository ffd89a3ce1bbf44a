import { AlertTriangle, Eye } from 'lucide-react';
import type { CSSProperties } from 'react';
import type { Need } from '../../../contracts/needs';
import { areaTree, LAYER_SHORT, type Layer } from '../../../domain/areas';
import { fiscalYearOf, formatWareki, todayInTokyo } from '../../../domain/dates';
import { type NeedStatus, type NeedUrgency, needStatusLabel, needUrgencyLabel } from '../../../domain/needs';
import { GROUP_STYLE, groupOf, type Term } from '../resources/categories';

/** A need's name where it has no ひとこと: 「買い物の困りごと」. */
export function needTitle(need: Pick<Need, 'summary' | 'categoryName'>): string {
  return need.summary || `${need.categoryName}の困りごと`;
}

/** 「R8.11.24」 with the full 和暦 and the ISO date on hover. */
export function ShortDate({ date }: { date: string }) {
  return (
    <time dateTime={date} title={`${formatWareki(date)}（${date}）`}>
      {formatWareki(date, { style: 'short' })}
    </time>
  );
}

/** The status as a badge: colour and word (never the colour alone). */
export function NeedStatusBadge({ status }: { status: NeedStatus }) {
  return <span className={`need-status need-status--${status}`}>{needStatusLabel(status)}</span>;
}

/** 緊急度: 急ぎ is marked with an icon and bold; 急がない is quiet. */
export function Urgency({ urgency }: { urgency: NeedUrgency }) {
  if (urgency === 'high')
    return (
      <span className="need-urgent">
        <AlertTriangle aria-hidden="true" size={15} />
        {needUrgencyLabel(urgency)}
      </span>
    );
  return <span className={urgency === 'low' ? 'muted' : undefined}>{needUrgencyLabel(urgency)}</span>;
}

/** A category as colour + icon + word (the same look as the 地域資源 pages and the portal). */
export function NeedCategory({ code, name, terms }: { code: string; name: string; terms?: readonly Term[] }) {
  const style = GROUP_STYLE[groupOf(code, terms)];
  const Icon = style.icon;
  return (
    <span className="need-cat" style={{ '--cat': style.color } as CSSProperties}>
      <Icon aria-hidden="true" size={15} />
      {name}
    </span>
  );
}

/** Said on every page that shows personal data: opening it leaves a line in the audit log. */
export function PrivacyNote() {
  return (
    <p className="privacy-note">
      <Eye aria-hidden="true" size={18} />
      この画面の閲覧は記録されます。
    </p>
  );
}

/** 「3人」 */
export const peopleText = (n: number) => `${n.toLocaleString('ja-JP')}人`;

/** This 年度 and the four before it, newest first. */
export function recentFiscalYears(today = todayInTokyo(), count = 5): number[] {
  const fy = fiscalYearOf(today);
  return Array.from({ length: count }, (_, i) => fy - i);
}

interface AreaLike {
  id: string;
  parentId: string | null;
  layer: number;
  name: string;
}

/** Areas in tree order with their depth (the one ordering of domain/areas). */
export { areaTree };

/** 「　北部圏域（第2層）」 */
export function areaOptionLabel(area: AreaLike, depth: number): string {
  return `${'　'.repeat(depth)}${area.name}（${LAYER_SHORT[area.layer as Layer] ?? ''}）`;
}

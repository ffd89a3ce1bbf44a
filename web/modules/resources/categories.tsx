import {
  BookOpen,
  Briefcase,
  BrushCleaning,
  Bus,
  Coffee,
  HeartHandshake,
  HeartPulse,
  type LucideIcon,
  MessagesSquare,
  PersonStanding,
  ShoppingBasket,
  Tag,
  UtensilsCrossed,
} from 'lucide-react';
import type { CSSProperties } from 'react';
import type { z } from 'zod';
import type { TaxonomyTerm } from '../../../contracts/resources';
import { GROUP_LOOK, PORTAL_GROUPS, type PortalGroup } from '../../../domain/life-support-taxonomy';

export type Term = z.infer<typeof TaxonomyTerm>;

const ICONS: Record<PortalGroup | 'other', LucideIcon> = {
  gather: Coffee,
  exercise: PersonStanding,
  shopping: ShoppingBasket,
  transport: Bus,
  meals: UtensilsCrossed,
  watch: HeartHandshake,
  chores: BrushCleaning,
  learn: BookOpen,
  role: Briefcase,
  consult: MessagesSquare,
  care: HeartPulse,
  other: Tag,
};

/** Each 住民向けの大分類 with its colour and word (GROUP_LOOK, shared with the portal) and its icon. */
export const GROUP_STYLE = Object.fromEntries(
  Object.entries(GROUP_LOOK).map(([k, v]) => [k, { ...v, icon: ICONS[k as PortalGroup | 'other'] }]),
) as Record<PortalGroup | 'other', { color: string; icon: LucideIcon; label: string }>;

const GROUP_CODES = new Set<string>(PORTAL_GROUPS.map((g) => g.code));

export function groupOf(code: string, terms: readonly Term[] | undefined): PortalGroup | 'other' {
  const group = terms?.find((t) => t.code === code)?.group;
  return group && GROUP_CODES.has(group) ? (group as PortalGroup) : 'other';
}

/** A category as colour + icon + word. */
export function CategoryTag({ code, name, terms }: { code: string; name: string; terms?: readonly Term[] }) {
  const style = GROUP_STYLE[groupOf(code, terms)];
  const Icon = style.icon;
  return (
    <span className="cat-tag" style={{ '--cat': style.color } as CSSProperties}>
      <Icon aria-hidden="true" size={15} />
      {name}
    </span>
  );
}

export function CategoryTags({
  categories,
  terms,
}: {
  categories: readonly { code: string; name: string }[];
  terms?: readonly Term[];
}) {
  if (categories.length === 0) return null;
  return (
    <ul className="cat-tags">
      {categories.map((c) => (
        <li key={c.code}>
          <CategoryTag code={c.code} name={c.name} terms={terms} />
        </li>
      ))}
    </ul>
  );
}

/** Terms in tree order with their depth (top-level first, children under their parent). */
export function termTree(terms: readonly Term[]): { term: Term; depth: number }[] {
  const codes = new Set(terms.map((t) => t.code));
  const out: { term: Term; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const t of terms) {
      const p = t.parent && codes.has(t.parent) ? t.parent : null;
      if (p !== parent || seen.has(t.code)) continue;
      seen.add(t.code);
      out.push({ term: t, depth });
      walk(t.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

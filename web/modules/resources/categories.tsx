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
import { PORTAL_GROUPS, type PortalGroup } from '../../../domain/life-support-taxonomy';

export type Term = z.infer<typeof TaxonomyTerm>;

/**
 * Each 住民向けの大分類 has a colour and an icon; a category is always shown with its word too, so
 * that nothing depends on colour alone. Colours are at least 4.5:1 on white, so that a marker on the
 * pale map and the text of a tag both stay legible.
 */
export const GROUP_STYLE: Record<PortalGroup | 'other', { color: string; icon: LucideIcon; label: string }> =
  {
    gather: { color: '#b4531a', icon: Coffee, label: '集う' },
    exercise: { color: '#1d6b3a', icon: PersonStanding, label: '体を動かす' },
    shopping: { color: '#9c2f6e', icon: ShoppingBasket, label: '買い物' },
    transport: { color: '#1f5fa8', icon: Bus, label: '移動' },
    meals: { color: '#8a5300', icon: UtensilsCrossed, label: '食事' },
    watch: { color: '#6b3fa0', icon: HeartHandshake, label: '見守り' },
    chores: { color: '#56641b', icon: BrushCleaning, label: '家の用事' },
    learn: { color: '#0e6f6f', icon: BookOpen, label: '学ぶ・楽しむ' },
    role: { color: '#8a3b2a', icon: Briefcase, label: '働く・役割' },
    consult: { color: '#3d4f8a', icon: MessagesSquare, label: '相談' },
    care: { color: '#b0263a', icon: HeartPulse, label: '介護サービス' },
    other: { color: '#59636b', icon: Tag, label: 'その他' },
  };

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

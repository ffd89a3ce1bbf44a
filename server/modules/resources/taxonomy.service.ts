import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TaxonomyTermInput } from '../../../contracts/resources';
import { descendantsOf, LIFE_SUPPORT_TERMS, PORTAL_GROUPS } from '../../../domain/life-support-taxonomy';
import { foldForSearch } from '../../../domain/search-text';
import { recordAudit } from '../../core/audit';
import { TenantCache } from '../../core/cache';
import type { TenantContext } from '../../core/context';
import { isTransaction } from '../../core/db';
import { conflict, fieldError } from '../../core/errors';
import { resourcesPolicy } from './resources.policy';
import { services, taxonomyTerms } from './resources.tables';

export type TermRow = typeof taxonomyTerms.$inferSelect;

const cache = new TenantCache<TermRow[]>(30_000);

/** The tenant's terms for reading (search, names), cached; saveTerm drops the cache. */
export function tenantTerms(ctx: TenantContext): Promise<TermRow[]> {
  return cache.get(ctx.tenantId, () => loadTerms(ctx), !isTransaction(ctx.db));
}

/**
 * The tenant's terms, copying the default taxonomy in on first use so that every tenant can add
 * its own words without touching anyone else's.
 */
export async function loadTerms(ctx: TenantContext): Promise<TermRow[]> {
  const rows = await ctx.db
    .select()
    .from(taxonomyTerms)
    .where(eq(taxonomyTerms.tenantId, ctx.tenantId))
    .orderBy(asc(taxonomyTerms.sortOrder));
  if (rows.length > 0) return rows;
  await ctx.db
    .insert(taxonomyTerms)
    .values(
      LIFE_SUPPORT_TERMS.map((t, i) => ({
        tenantId: ctx.tenantId,
        code: t.code,
        id: randomUUID(),
        name: t.name,
        kana: t.kana,
        parentCode: t.parent ?? null,
        portalGroup: t.group,
        synonyms: t.synonyms,
        description: t.description,
        sortOrder: i * 10,
        updatedAt: ctx.now(),
      })),
    )
    .onConflictDoNothing();
  return ctx.db
    .select()
    .from(taxonomyTerms)
    .where(eq(taxonomyTerms.tenantId, ctx.tenantId))
    .orderBy(asc(taxonomyTerms.sortOrder));
}

/** Term codes a category filter covers: the term and everything under it. */
export const withDescendants = (code: string, terms: readonly TermRow[]) =>
  descendantsOf(
    code,
    terms.map((t) => ({ code: t.code, parent: t.parentCode })),
  );

/**
 * Finds the term a word means (an import's 分類 column, 「サロン」, 「移動スーパー」): by code, name,
 * reading or synonym, all folded. Null when nothing matches.
 */
export function resolveCategory(word: string, terms: readonly TermRow[]): TermRow | null {
  const key = foldForSearch(word);
  if (!key) return null;
  const exact = terms.find(
    (t) =>
      t.code === word ||
      foldForSearch(t.name) === key ||
      foldForSearch(t.kana) === key ||
      t.synonyms.some((s) => foldForSearch(s) === key),
  );
  if (exact) return exact;
  // A longer phrase that contains a term word (「ふれあいサロン」 → 居場所・サロン), longest word first.
  let best: { term: TermRow; length: number } | null = null;
  for (const t of terms) {
    for (const w of [t.name, ...t.synonyms]) {
      const f = foldForSearch(w);
      if (f.length >= 2 && key.includes(f) && (!best || f.length > best.length))
        best = { term: t, length: f.length };
    }
  }
  return best?.term ?? null;
}

export async function listTaxonomy(ctx: TenantContext) {
  resourcesPolicy.read(ctx);
  const terms = await loadTerms(ctx);
  const counts = await ctx.db
    .select({ code: sql<string>`unnest(${services.categories})`, n: sql<number>`count(*)::int` })
    .from(services)
    .where(and(eq(services.tenantId, ctx.tenantId), sql`${services.status} <> 'defunct'`))
    .groupBy(sql`1`);
  const byCode = new Map(counts.map((c) => [c.code, c.n]));
  return terms.map((t) => toTerm(t, byCode.get(t.code) ?? 0));
}

function toTerm(t: TermRow, resourceCount: number) {
  return {
    code: t.code,
    name: t.name,
    kana: t.kana,
    parent: t.parentCode,
    group: t.portalGroup,
    synonyms: t.synonyms,
    description: t.description,
    custom: t.custom,
    resourceCount,
    version: t.version,
  };
}

/** Adds a term or changes one (typically: adds the words this town uses for it). */
export async function saveTerm(ctx: TenantContext, code: string, input: z.output<typeof TaxonomyTermInput>) {
  resourcesPolicy.writeTenantWide(ctx, '分類の変更');
  const terms = await loadTerms(ctx);
  if (!PORTAL_GROUPS.some((g) => g.code === input.group))
    throw fieldError('group', '住民向けの大分類：選択肢から選んでください。');
  if (input.parent && !terms.some((t) => t.code === input.parent))
    throw fieldError('parent', '上位の分類：見つかりません。');
  if (input.parent && withDescendants(code, terms).includes(input.parent)) {
    throw fieldError('parent', '上位の分類：自分自身やその下の分類は選べません。');
  }
  const existing = terms.find((t) => t.code === code);
  if (existing && input.version === undefined)
    throw fieldError('version', '版：変更するときは、読み込んだときの版を送ってください。');
  const values = {
    name: input.name,
    kana: input.kana,
    parentCode: input.parent,
    portalGroup: input.group,
    synonyms: [...new Set(input.synonyms)],
    description: input.description,
    updatedAt: ctx.now(),
  };
  const [row] = existing
    ? await ctx.db
        .update(taxonomyTerms)
        .set({ ...values, version: input.version! + 1 })
        .where(
          and(
            eq(taxonomyTerms.tenantId, ctx.tenantId),
            eq(taxonomyTerms.code, code),
            eq(taxonomyTerms.version, input.version!),
          ),
        )
        .returning()
    : await ctx.db
        .insert(taxonomyTerms)
        .values({
          tenantId: ctx.tenantId,
          code,
          id: randomUUID(),
          custom: true,
          sortOrder: (terms.at(-1)?.sortOrder ?? 0) + 10,
          ...values,
        })
        .returning();
  if (!row) {
    cache.invalidate(ctx.tenantId);
    const [current] = await ctx.db
      .select()
      .from(taxonomyTerms)
      .where(and(eq(taxonomyTerms.tenantId, ctx.tenantId), eq(taxonomyTerms.code, code)));
    throw conflict(
      toTerm(current ?? existing!, 0),
      'ほかの人が先にこの分類を変更しました。最新の言いかえを読み込んでから、もう一度追加してください。',
    );
  }
  await recordAudit(ctx, { entity: 'taxonomy_term', entityId: code, action: existing ? 'update' : 'create' });
  cache.invalidate(ctx.tenantId);
  return toTerm(row!, 0);
}

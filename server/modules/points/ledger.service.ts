import { and, eq, sql } from 'drizzle-orm';
import { isBalanced, type LedgerLine, type PointTransactionKind } from '../../../domain/points';
import { actorDisplayName, type TenantContext } from '../../core/context';
import { type PointAccountRow, pointAccounts, pointEntries, pointTransactions } from './points.tables';

/*
 * The double-entry ledger underneath everything else in this module. Every write goes through
 * `post`, which refuses an unbalanced transaction before the database does (the deferred trigger
 * of the migration is the second guard). Reads sum entries: a balance is never stored, so it can
 * never disagree with its entries.
 */

type Row = Record<string, unknown>;
const rowsOf = (r: unknown): Row[] => (r as { rows: Row[] }).rows;
const num = (v: unknown) => Number(v ?? 0);

/**
 * Serialises ledger writes of one scheme for the rest of the database transaction: a cap or a
 * balance read and the posting that depends on it cannot interleave with another request's.
 */
export async function lockScheme(ctx: TenantContext, schemeId: string): Promise<void> {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`points:${ctx.tenantId}:${schemeId}`}))`);
}

/** The scheme's 発行 or 交換済み account (opened with the scheme). */
export async function systemAccount(
  ctx: TenantContext,
  schemeId: string,
  kind: 'issuance' | 'redemption',
): Promise<PointAccountRow> {
  const [row] = await ctx.db
    .select()
    .from(pointAccounts)
    .where(
      and(
        eq(pointAccounts.tenantId, ctx.tenantId),
        eq(pointAccounts.schemeId, schemeId),
        eq(pointAccounts.kind, kind),
      ),
    );
  if (!row) throw new Error(`scheme ${schemeId} has no ${kind} account`);
  return row;
}

/** Opens the two system accounts of a new scheme. */
export async function openSystemAccounts(ctx: TenantContext, schemeId: string): Promise<void> {
  await ctx.db.insert(pointAccounts).values(
    (['issuance', 'redemption'] as const).map((kind) => ({
      tenantId: ctx.tenantId,
      id: crypto.randomUUID(),
      schemeId,
      kind,
      helperId: null,
      createdAt: ctx.now(),
    })),
  );
}

/** The member's account in the scheme, if it was ever opened. */
export async function findMemberAccount(
  ctx: TenantContext,
  schemeId: string,
  helperId: string,
): Promise<PointAccountRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(pointAccounts)
    .where(
      and(
        eq(pointAccounts.tenantId, ctx.tenantId),
        eq(pointAccounts.schemeId, schemeId),
        eq(pointAccounts.kind, 'member'),
        eq(pointAccounts.helperId, helperId),
      ),
    );
  return row;
}

/** The member's account, opened at the first posting. */
export async function memberAccount(
  ctx: TenantContext,
  schemeId: string,
  helperId: string,
): Promise<PointAccountRow> {
  const found = await findMemberAccount(ctx, schemeId, helperId);
  if (found) return found;
  const [row] = await ctx.db
    .insert(pointAccounts)
    .values({
      tenantId: ctx.tenantId,
      id: crypto.randomUUID(),
      schemeId,
      kind: 'member',
      helperId,
      createdAt: ctx.now(),
    })
    .returning();
  return row!;
}

/** The scheme's opened member accounts by helper, in one read (the year-end run's many members). */
export async function memberAccountIds(ctx: TenantContext, schemeId: string): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ id: pointAccounts.id, helperId: pointAccounts.helperId })
    .from(pointAccounts)
    .where(
      and(
        eq(pointAccounts.tenantId, ctx.tenantId),
        eq(pointAccounts.schemeId, schemeId),
        eq(pointAccounts.kind, 'member'),
      ),
    );
  return new Map(rows.map((r) => [r.helperId!, r.id]));
}

export interface Posting {
  schemeId: string;
  kind: PointTransactionKind;
  on: string;
  fiscalYear: number;
  description: string;
  helperId: string;
  lines: LedgerLine[];
  activityId?: string | null;
  reverses?: string | null;
  yearEndId?: string | null;
}

/** Writes transactions and their entries (many at once for the year-end run). Returns their ids. */
export async function post(ctx: TenantContext, postings: readonly Posting[]): Promise<string[]> {
  if (postings.length === 0) return [];
  for (const p of postings) {
    // The service's own check; the database repeats it at commit.
    if (!isBalanced(p.lines) || p.lines.some((l) => l.amount === 0))
      throw new Error(`unbalanced point transaction: ${JSON.stringify(p.lines)}`);
  }
  const ids = postings.map(() => crypto.randomUUID());
  const by = actorDisplayName(ctx.actor);
  // One statement per table, in chunks, so a year-end run of a whole town is a handful of statements.
  for (let i = 0; i < postings.length; i += 500) {
    const chunk = postings.slice(i, i + 500);
    await ctx.db.insert(pointTransactions).values(
      chunk.map((p, k) => ({
        tenantId: ctx.tenantId,
        id: ids[i + k]!,
        schemeId: p.schemeId,
        kind: p.kind,
        on: p.on,
        fiscalYear: p.fiscalYear,
        description: p.description,
        helperId: p.helperId,
        activityId: p.activityId ?? null,
        reverses: p.reverses ?? null,
        yearEndId: p.yearEndId ?? null,
        recordedBy: by,
        recordedAt: ctx.now(),
      })),
    );
    await ctx.db.insert(pointEntries).values(
      chunk.flatMap((p, k) =>
        p.lines.map((l, line) => ({
          tenantId: ctx.tenantId,
          transactionId: ids[i + k]!,
          line,
          accountId: l.accountId,
          amount: l.amount,
        })),
      ),
    );
  }
  return ids;
}

/** The member's balance: the sum of the entries on their account (0 without an account). */
export async function memberBalance(ctx: TenantContext, schemeId: string, helperId: string): Promise<number> {
  const rows = rowsOf(
    await ctx.db.execute(sql`
      select coalesce(sum(e.amount), 0) as n
      from point_entries e
      join point_accounts a on a.tenant_id = e.tenant_id and a.id = e.account_id
      where e.tenant_id = ${ctx.tenantId} and a.scheme_id = ${schemeId}
        and a.kind = 'member' and a.helper_id = ${helperId}`),
  );
  return num(rows[0]?.n);
}

/**
 * What the member earned (activities and corrections of activities) and redeemed (redemptions,
 * year-end runs and their corrections) in a 年度, as positive numbers, and the balance now and at
 * the end of that 年度.
 */
export interface MemberYear {
  helperId: string;
  balance: number;
  balanceAtYearEnd: number;
  earned: number;
  redeemed: number;
}

/** Figures per member of a scheme for one 年度 (only members whose account was opened). */
export async function memberYears(
  ctx: TenantContext,
  schemeId: string,
  fiscalYear: number,
  helperId?: string,
): Promise<Map<string, MemberYear>> {
  const rows = rowsOf(
    await ctx.db.execute(sql`
      select a.helper_id,
        coalesce(sum(e.amount), 0) as balance,
        coalesce(sum(e.amount) filter (where t.fiscal_year <= ${fiscalYear}), 0) as at_year_end,
        coalesce(sum(e.amount) filter (where t.fiscal_year = ${fiscalYear}
          and coalesce(r.kind, t.kind) = 'activity'), 0) as earned,
        coalesce(-sum(e.amount) filter (where t.fiscal_year = ${fiscalYear}
          and coalesce(r.kind, t.kind) in ('redemption', 'year_end')), 0) as redeemed
      from point_accounts a
      left join point_entries e on e.tenant_id = a.tenant_id and e.account_id = a.id
      left join point_transactions t on t.tenant_id = e.tenant_id and t.id = e.transaction_id
      left join point_transactions r on r.tenant_id = t.tenant_id and r.id = t.reverses
      where a.tenant_id = ${ctx.tenantId} and a.scheme_id = ${schemeId} and a.kind = 'member'
        ${helperId ? sql`and a.helper_id = ${helperId}` : sql``}
      group by a.helper_id`),
  );
  return new Map(
    rows.map((r) => [
      String(r.helper_id),
      {
        helperId: String(r.helper_id),
        balance: num(r.balance),
        balanceAtYearEnd: num(r.at_year_end),
        earned: num(r.earned),
        redeemed: num(r.redeemed),
      },
    ]),
  );
}

/** One member's figures for a 年度 (zeros when the account was never opened). */
export async function memberYear(
  ctx: TenantContext,
  schemeId: string,
  helperId: string,
  fiscalYear: number,
): Promise<MemberYear> {
  return (
    (await memberYears(ctx, schemeId, fiscalYear, helperId)).get(helperId) ?? {
      helperId,
      balance: 0,
      balanceAtYearEnd: 0,
      earned: 0,
      redeemed: 0,
    }
  );
}

export interface TransactionWithLines {
  tx: typeof pointTransactions.$inferSelect;
  lines: (LedgerLine & { kind: string; helperId: string | null })[];
}

/** A transaction and its lines, with each line's account kind. */
export async function findTransaction(ctx: TenantContext, id: string): Promise<TransactionWithLines | null> {
  const [tx] = await ctx.db
    .select()
    .from(pointTransactions)
    .where(and(eq(pointTransactions.tenantId, ctx.tenantId), eq(pointTransactions.id, id)));
  if (!tx) return null;
  const lines = await ctx.db
    .select({
      accountId: pointEntries.accountId,
      amount: pointEntries.amount,
      kind: pointAccounts.kind,
      helperId: pointAccounts.helperId,
    })
    .from(pointEntries)
    .innerJoin(
      pointAccounts,
      and(eq(pointAccounts.tenantId, pointEntries.tenantId), eq(pointAccounts.id, pointEntries.accountId)),
    )
    .where(and(eq(pointEntries.tenantId, ctx.tenantId), eq(pointEntries.transactionId, id)))
    .orderBy(pointEntries.line);
  return { tx, lines };
}

/**
 * Points of each transaction still open to correction: the member side's size less what earlier
 * corrections already took back.
 */
export async function correctable(ctx: TenantContext, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const member = (where: ReturnType<typeof sql>) => sql`(
      select coalesce(sum(e.amount), 0)
      from point_entries e
      join point_accounts a on a.tenant_id = e.tenant_id and a.id = e.account_id and a.kind = 'member'
      join point_transactions x on x.tenant_id = e.tenant_id and x.id = e.transaction_id
      where e.tenant_id = t.tenant_id and ${where})`;
  const rows = rowsOf(
    await ctx.db.execute(sql`
      select t.id,
        case when t.kind = 'correction' then 0
          else abs(${member(sql`x.id = t.id`)}) - abs(${member(sql`x.reverses = t.id`)}) end as open
      from point_transactions t
      where t.tenant_id = ${ctx.tenantId}
        and t.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`),
  );
  return new Map(rows.map((r) => [String(r.id), num(r.open)]));
}

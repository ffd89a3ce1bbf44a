import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { type AreaNode, subtreeIds } from '../../../domain/areas';
import { todayInTokyo } from '../../../domain/dates';
import { assertTenantMember, canWriteTenant, isSuper, membershipIn, roleIn } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';
import { councilMembers, people } from './councils.tables';

/** The councils a caller may read: every one, or (協議体委員) those they sit on today. */
export type CouncilView = 'all' | ReadonlySet<string>;

const NOT_STAFF =
  'この画面は生活支援コーディネーターと保険者職員のためのものです。協議体の資料は「協議体」からご覧ください。';
const READ_ONLY = 'この役割では協議体の記録を変更できません。';
const OUTSIDE = '担当の地域の外の協議体は変更できません。';

/*
 * Who sees and changes what (decision 0013):
 * - 保険者職員 and 第1層 SC: everything in the town.
 * - 第2層 SC: reads every council (the town's councils are not personal data); changes the councils
 *   of her areas (their area is in her subtree) and what belongs to them.
 * - 閲覧者: reads, changes nothing.
 * - 協議体委員: reads only the councils on which the person tied to their login holds a seat today
 *   (people.user_id → council_members, term including today), and never 住民 or 困りごと details.
 */
export const councilsPolicy = {
  async view(ctx: TenantContext, what = '協議体'): Promise<CouncilView> {
    assertTenantMember(ctx, what);
    if (isSuper(ctx.actor) || roleIn(ctx) !== 'council_member') return 'all';
    return seatedCouncils(ctx);
  },

  see(view: CouncilView, councilId: string, what = '協議体'): void {
    if (view !== 'all' && !view.has(councilId)) throw notFound(what);
  },

  /** Whether the caller may change a council (and its meetings, members, projects, tasks). */
  canWrite(ctx: TenantContext, council: { areaId: string }, all: readonly AreaNode[]): boolean {
    if (canWriteTenant(ctx)) return true;
    const m = membershipIn(ctx.actor, ctx.tenantId);
    if (m?.role !== 'sc2') return false;
    return subtreeIds(all, m.areaIds).has(council.areaId);
  },

  write(ctx: TenantContext, council: { areaId: string }, all: readonly AreaNode[]): void {
    if (this.canWrite(ctx, council, all)) return;
    throw forbidden(roleIn(ctx) === 'sc2' ? OUTSIDE : READ_ONLY);
  },

  /** Lists of people and of SC tasks are working tools of the SC and the municipality. */
  staff(ctx: TenantContext, what: string): void {
    assertTenantMember(ctx, what);
    if (isSuper(ctx.actor)) return;
    const role = roleIn(ctx);
    if (role === 'council_member') throw forbidden(NOT_STAFF);
  },

  /** Registering people: tenant-wide roles anywhere, a 第2層 SC for her areas (or no area). */
  writePerson(ctx: TenantContext, areaId: string | null, all: readonly AreaNode[]): void {
    assertTenantMember(ctx, '関係者');
    if (canWriteTenant(ctx)) return;
    const m = membershipIn(ctx.actor, ctx.tenantId);
    if (m?.role === 'sc2' && (areaId === null || subtreeIds(all, m.areaIds).has(areaId))) return;
    throw forbidden(m?.role === 'sc2' ? '担当の地域の外の関係者は登録・変更できません。' : READ_ONLY);
  },

  /** SC tasks: anyone who does the work (保険者職員, SC) keeps their own; tenant-wide roles any. */
  tasks(ctx: TenantContext): 'all' | 'own' {
    assertTenantMember(ctx, '仕事');
    if (canWriteTenant(ctx)) return 'all';
    if (roleIn(ctx) === 'sc2') return 'own';
    throw forbidden('SCの仕事の一覧は、生活支援コーディネーターと保険者職員だけが使えます。');
  },
};

/** Councils on which the person tied to this login holds a seat today. */
async function seatedCouncils(ctx: TenantContext): Promise<ReadonlySet<string>> {
  if (ctx.actor.kind !== 'user') return new Set();
  const today = todayInTokyo(ctx.now());
  const rows = await ctx.db
    .select({ councilId: councilMembers.councilId })
    .from(councilMembers)
    .innerJoin(
      people,
      and(eq(people.tenantId, councilMembers.tenantId), eq(people.id, councilMembers.personId)),
    )
    .where(
      and(
        eq(councilMembers.tenantId, ctx.tenantId),
        eq(people.userId, ctx.actor.userId),
        or(isNull(councilMembers.termStart), sql`${councilMembers.termStart} <= ${today}`),
        or(isNull(councilMembers.termEnd), sql`${councilMembers.termEnd} >= ${today}`),
      ),
    );
  return new Set(rows.map((r) => r.councilId));
}

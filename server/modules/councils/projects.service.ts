import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Project, ProjectInput, Trial, TrialInput } from '../../../contracts/councils';
import { projectStatusLabel } from '../../../domain/councils';
import {
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  formatWareki,
  todayInTokyo,
} from '../../../domain/dates';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound } from '../../core/errors';
import { type AreaRow, tenantAreas } from '../areas';
import { type DocumentBlock, printDocument } from '../print';
import { organizationsByIds, resourceNames } from '../resources';
import { getTenant } from '../tenants';
import { councilsPolicy } from './councils.policy';
import { findCouncil, peopleByIds, projectSummaries } from './councils.service';
import {
  councilGroups,
  councils,
  type ProjectRow,
  projectResources,
  projects,
  projectTrials,
  type TrialRow,
} from './councils.tables';

/*
 * Projects (PJ) of a council or 部会: 課題 and 年度ゴール, members, trials (試行) and what came of
 * them. A 地域資源 that came out of a project is linked to it; that link is what the SC report
 * counts as 資源開発. The 成果報告会 pack prints the 年度's projects.
 */

type ParsedProject = z.output<typeof ProjectInput>;
type ParsedTrial = z.output<typeof TrialInput>;

const toTrial = (t: TrialRow): Trial => ({
  id: t.id,
  triedOn: t.triedOn,
  what: t.what,
  learned: t.learned,
  participants: t.participants,
  version: t.version,
});

async function findProject(ctx: TenantContext, id: string): Promise<ProjectRow> {
  const [row] = await ctx.db
    .select()
    .from(projects)
    .where(and(eq(projects.tenantId, ctx.tenantId), eq(projects.id, id)));
  if (!row) throw notFound('プロジェクト');
  return row;
}

/**
 * Projects as the API returns them, each with its trials, members and the resources it gave rise
 * to, read for all of them at once (the 成果報告会 pack presents a whole 年度).
 */
async function presentProjects(
  ctx: TenantContext,
  rows: readonly ProjectRow[],
  all: readonly AreaRow[],
): Promise<Project[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [summaries, councilRows, trials, links, persons, orgs] = await Promise.all([
    projectSummaries(ctx, { ids }, 'all'),
    ctx.db
      .select()
      .from(councils)
      .where(
        and(
          eq(councils.tenantId, ctx.tenantId),
          inArray(councils.id, [...new Set(rows.map((r) => r.councilId))]),
        ),
      ),
    ctx.db
      .select()
      .from(projectTrials)
      .where(and(eq(projectTrials.tenantId, ctx.tenantId), inArray(projectTrials.projectId, ids)))
      .orderBy(asc(projectTrials.triedOn)),
    ctx.db
      .select()
      .from(projectResources)
      .where(and(eq(projectResources.tenantId, ctx.tenantId), inArray(projectResources.projectId, ids)))
      .orderBy(asc(projectResources.linkedOn)),
    peopleByIds(
      ctx,
      rows.flatMap((r) => r.personIds),
    ),
    organizationsByIds(
      ctx,
      rows.flatMap((r) => r.organizationIds),
    ),
  ]);
  const names = await resourceNames(
    ctx,
    links.map((l) => l.resourceId),
  );
  return rows.map((row) => {
    const council = councilRows.find((c) => c.id === row.councilId);
    if (!council) throw notFound('協議体');
    return {
      ...summaries.find((p) => p.id === row.id)!,
      results: row.results,
      people: row.personIds.flatMap((id) => (persons.has(id) ? [{ id, name: persons.get(id)!.name }] : [])),
      organizations: row.organizationIds.flatMap((id) =>
        orgs.has(id) ? [{ id, name: orgs.get(id)!.name }] : [],
      ),
      trialList: trials.filter((t) => t.projectId === row.id).map(toTrial),
      developed: links
        .filter((l) => l.projectId === row.id)
        .map((l) => ({
          id: l.resourceId,
          name: names.get(l.resourceId) ?? '（削除された資源）',
          linkedOn: l.linkedOn,
        })),
      version: row.version,
      canEdit: councilsPolicy.canWrite(ctx, council, all),
    };
  });
}

async function presentProject(
  ctx: TenantContext,
  row: ProjectRow,
  all: readonly AreaRow[],
): Promise<Project> {
  return (await presentProjects(ctx, [row], all))[0]!;
}

export async function listProjects(ctx: TenantContext, q: { fy?: number; council?: string }) {
  const view = await councilsPolicy.view(ctx, 'プロジェクト');
  return { items: await projectSummaries(ctx, { councilId: q.council, fy: q.fy }, view) };
}

export async function getProject(ctx: TenantContext, id: string): Promise<Project> {
  const view = await councilsPolicy.view(ctx, 'プロジェクト');
  const row = await findProject(ctx, id);
  councilsPolicy.see(view, row.councilId, 'プロジェクト');
  return presentProject(ctx, row, await tenantAreas(ctx));
}

async function checkProject(ctx: TenantContext, input: ParsedProject) {
  if (input.groupId) {
    const [g] = await ctx.db
      .select({ councilId: councilGroups.councilId })
      .from(councilGroups)
      .where(and(eq(councilGroups.tenantId, ctx.tenantId), eq(councilGroups.id, input.groupId)));
    if (!g || g.councilId !== input.councilId)
      throw fieldError('groupId', '部会：この協議体の部会ではありません。');
  }
  const persons = await peopleByIds(ctx, input.personIds);
  const p = input.personIds.findIndex((id) => !persons.has(id));
  if (p >= 0) throw fieldError(`personIds.${p}`, `メンバー（人）（${p + 1}件目）：見つかりません。`);
  const orgs = await organizationsByIds(ctx, input.organizationIds);
  const o = input.organizationIds.findIndex((id) => !orgs.has(id));
  if (o >= 0) throw fieldError(`organizationIds.${o}`, `メンバー（主体）（${o + 1}件目）：見つかりません。`);
}

/** The council a project goes in: one the caller may see (else 404, like another tenant's) and change. */
async function writableCouncil(ctx: TenantContext, councilId: string, all: readonly AreaRow[]) {
  const view = await councilsPolicy.view(ctx, 'プロジェクト');
  if (view !== 'all' && !view.has(councilId)) throw fieldError('councilId', '協議体：見つかりません。');
  const [c] = await ctx.db
    .select()
    .from(councils)
    .where(and(eq(councils.tenantId, ctx.tenantId), eq(councils.id, councilId)));
  if (!c) throw fieldError('councilId', '協議体：見つかりません。');
  councilsPolicy.write(ctx, c, all);
  return c;
}

export async function createProject(ctx: TenantContext, input: ParsedProject): Promise<Project> {
  const all = await tenantAreas(ctx);
  await writableCouncil(ctx, input.councilId, all);
  await checkProject(ctx, input);
  const [row] = await ctx.db
    .insert(projects)
    .values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      ...input,
      personIds: [...new Set(input.personIds)],
      organizationIds: [...new Set(input.organizationIds)],
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordAudit(ctx, {
    entity: 'project',
    entityId: row!.id,
    action: 'create',
    detail: { councilId: input.councilId },
  });
  return presentProject(ctx, row!, all);
}

export async function updateProject(
  ctx: TenantContext,
  id: string,
  input: ParsedProject & { version: number },
): Promise<Project> {
  const all = await tenantAreas(ctx);
  await writableProject(ctx, id, all);
  await writableCouncil(ctx, input.councilId, all);
  await checkProject(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const { version, ...values } = input;
    const [row] = await tx.db
      .update(projects)
      .set({
        ...values,
        personIds: [...new Set(values.personIds)],
        organizationIds: [...new Set(values.organizationIds)],
        version: version + 1,
        updatedAt: tx.now(),
      })
      .where(and(eq(projects.tenantId, tx.tenantId), eq(projects.id, id), eq(projects.version, version)))
      .returning();
    if (!row) throw conflict(await presentProject(tx, await findProject(tx, id), all));
    await recordAudit(tx, {
      entity: 'project',
      entityId: id,
      action: 'update',
      detail: { status: input.status },
    });
    return presentProject(tx, row, all);
  });
}

/** The project the caller may change. */
async function writableProject(ctx: TenantContext, id: string, all: readonly AreaRow[]) {
  const view = await councilsPolicy.view(ctx, 'プロジェクト');
  const row = await findProject(ctx, id);
  councilsPolicy.see(view, row.councilId, 'プロジェクト');
  councilsPolicy.write(ctx, await findCouncil(ctx, row.councilId), all);
  return row;
}

function checkTrialDay(ctx: TenantContext, triedOn: string) {
  if (triedOn > todayInTokyo(ctx.now()))
    throw fieldError(
      'triedOn',
      '試行した日：今日より後の日付は入力できません。予定は「SCの仕事」に記録してください。',
    );
}

export async function addTrial(ctx: TenantContext, projectId: string, input: ParsedTrial): Promise<Trial> {
  const all = await tenantAreas(ctx);
  await writableProject(ctx, projectId, all);
  checkTrialDay(ctx, input.triedOn);
  const [row] = await ctx.db
    .insert(projectTrials)
    .values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      projectId,
      ...input,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordAudit(ctx, {
    entity: 'project_trial',
    entityId: row!.id,
    action: 'create',
    detail: { projectId },
  });
  return toTrial(row!);
}

export async function updateTrial(
  ctx: TenantContext,
  projectId: string,
  trialId: string,
  input: ParsedTrial & { version: number },
): Promise<Trial> {
  const all = await tenantAreas(ctx);
  await writableProject(ctx, projectId, all);
  checkTrialDay(ctx, input.triedOn);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(projectTrials)
      .where(
        and(
          eq(projectTrials.tenantId, tx.tenantId),
          eq(projectTrials.projectId, projectId),
          eq(projectTrials.id, trialId),
        ),
      );
    if (!before) throw notFound('試行');
    const { version, ...values } = input;
    const [row] = await tx.db
      .update(projectTrials)
      .set({ ...values, version: version + 1, updatedAt: tx.now() })
      .where(
        and(
          eq(projectTrials.tenantId, tx.tenantId),
          eq(projectTrials.id, trialId),
          eq(projectTrials.version, version),
        ),
      )
      .returning();
    if (!row) throw conflict(toTrial(before));
    await recordAudit(tx, {
      entity: 'project_trial',
      entityId: trialId,
      action: 'update',
      detail: { projectId },
    });
    return toTrial(row);
  });
}

/** 資源開発: this 地域資源 came out of the project (linked once; the date is today). */
export async function linkProjectResource(
  ctx: TenantContext,
  projectId: string,
  resourceId: string,
): Promise<Project> {
  const all = await tenantAreas(ctx);
  const row = await writableProject(ctx, projectId, all);
  if (!(await resourceNames(ctx, [resourceId])).has(resourceId)) throw notFound('地域資源');
  await ctx.db
    .insert(projectResources)
    .values({
      tenantId: ctx.tenantId,
      projectId,
      resourceId,
      linkedOn: todayInTokyo(ctx.now()),
      linkedBy: actorDisplayName(ctx.actor),
    })
    .onConflictDoNothing();
  await recordAudit(ctx, {
    entity: 'project',
    entityId: projectId,
    action: 'link_resource',
    detail: { resourceId },
  });
  return presentProject(ctx, row, all);
}

export async function unlinkProjectResource(
  ctx: TenantContext,
  projectId: string,
  resourceId: string,
): Promise<Project> {
  const all = await tenantAreas(ctx);
  const row = await writableProject(ctx, projectId, all);
  await ctx.db
    .delete(projectResources)
    .where(
      and(
        eq(projectResources.tenantId, ctx.tenantId),
        eq(projectResources.projectId, projectId),
        eq(projectResources.resourceId, resourceId),
      ),
    );
  await recordAudit(ctx, {
    entity: 'project',
    entityId: projectId,
    action: 'unlink_resource',
    detail: { resourceId },
  });
  return presentProject(ctx, row, all);
}

/** 資源開発 and 試行 of a period (for the SC report's indicators): resources linked, trials made. */
export async function developmentCounts(ctx: TenantContext, start: string, end: string) {
  const [[developed], [trials]] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(projectResources)
      .where(
        and(
          eq(projectResources.tenantId, ctx.tenantId),
          sql`${projectResources.linkedOn} between ${start} and ${end}`,
        ),
      ),
    ctx.db
      .select({ n: count() })
      .from(projectTrials)
      .where(
        and(
          eq(projectTrials.tenantId, ctx.tenantId),
          sql`${projectTrials.triedOn} between ${start} and ${end}`,
        ),
      ),
  ]);
  return { developedResources: developed?.n ?? 0, trials: trials?.n ?? 0 };
}

/** One project from 課題 to 成果, on pages of its own. */
function projectBlocks(p: Project): DocumentBlock[] {
  const blocks: DocumentBlock[] = [
    { kind: 'heading', text: p.name, pageBreak: true },
    {
      kind: 'facts',
      rows: [
        ['協議体', `${p.councilName}${p.groupName ? `・${p.groupName}` : ''}`],
        ['状況', projectStatusLabel(p.status)],
        ['メンバー', [...p.people, ...p.organizations].map((m) => m.name).join('、')],
      ],
    },
    { kind: 'heading', level: 2, text: '課題' },
    { kind: 'paragraph', text: p.issue || '（未記入）' },
    { kind: 'heading', level: 2, text: '年度ゴール' },
    { kind: 'paragraph', text: p.goal || '（未記入）' },
    { kind: 'heading', level: 2, text: `試行（${p.trialList.length}回）` },
  ];
  if (p.trialList.length > 0)
    blocks.push({
      kind: 'table',
      header: ['日付', '試したこと', 'わかったこと', '人数'],
      rows: p.trialList.map((t) => [
        formatWareki(t.triedOn),
        t.what,
        t.learned,
        t.participants === null ? '' : `${t.participants}人`,
      ]),
      widths: [82, '*', '*', 34],
    });
  else blocks.push({ kind: 'paragraph', text: 'まだ試行していません。', muted: true });
  blocks.push(
    { kind: 'heading', level: 2, text: '成果・わかったこと' },
    { kind: 'paragraph', text: p.results || '（未記入）' },
  );
  if (p.developed.length > 0)
    blocks.push(
      { kind: 'heading', level: 2, text: '生まれた地域資源' },
      { kind: 'list', items: p.developed.map((d) => `${d.name}（${formatWareki(d.linkedOn)}）`) },
    );
  return blocks;
}

/** The 成果報告会 pack: the 年度's projects, one after the other, each from 課題 to 成果. */
export async function projectReport(ctx: TenantContext, q: { fy?: number; council?: string }) {
  const view = await councilsPolicy.view(ctx, 'プロジェクト');
  const fy = q.fy ?? fiscalYearOf(todayInTokyo(ctx.now()));
  const all = await tenantAreas(ctx);
  const ids = (await projectSummaries(ctx, { councilId: q.council, fy }, view)).map((s) => s.id);
  const rows = ids.length
    ? await ctx.db
        .select()
        .from(projects)
        .where(and(eq(projects.tenantId, ctx.tenantId), inArray(projects.id, ids)))
    : [];
  // In the order of the summaries (年度, then name).
  const list = await presentProjects(
    ctx,
    ids.map((id) => rows.find((r) => r.id === id)!),
    all,
  );
  const tenant = await getTenant(ctx);
  const { start, end } = fiscalYearRange(fy);
  const overview: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: `${fiscalYearLabel(fy)}（${formatWareki(start)}〜${formatWareki(end)}）のプロジェクト${list.length}件の課題・年度ゴール・試行・成果です。`,
    },
    {
      kind: 'table',
      header: ['プロジェクト', '協議体・部会', '状況', '試行', '生まれた資源'],
      rows: list.map((p) => [
        p.name,
        `${p.councilName}${p.groupName ? `・${p.groupName}` : ''}`,
        projectStatusLabel(p.status),
        `${p.trialList.length}回`,
        `${p.developed.length}件`,
      ]),
      widths: ['*', '*', 44, 34, 56],
    },
  ];
  const pdf = await printDocument({
    title: `${fiscalYearLabel(fy)} 成果報告会`,
    subtitle: `${tenant.name}${q.council ? `・${list[0]?.councilName ?? ''}` : ''}　協議体のプロジェクト`,
    today: todayInTokyo(ctx.now()),
    fictional: tenant.fictional,
    blocks: [...overview, ...list.flatMap(projectBlocks)],
  });
  await recordAudit(ctx, {
    entity: 'project',
    action: 'print_report',
    detail: { fy, council: q.council ?? null },
  });
  return { fileName: `project-report-${fy}.pdf`, contentType: 'application/pdf', body: new Uint8Array(pdf) };
}

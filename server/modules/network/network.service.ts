import { ancestorsOf, LAYER_SHORT, type Layer, subtreeIds } from '../../../domain/areas';
import { EdgeSet, filterGraph, type GraphNode, missingActorKinds } from '../../../domain/network';
import type { TenantContext } from '../../core/context';
import { fieldError } from '../../core/errors';
import { activityTies } from '../activities';
import { tenantAreas } from '../areas';
import { councilTies } from '../councils';
import { referralTies } from '../matching';
import { organizationsByIds, resourceOrganizationIds } from '../resources';
import { networkPolicy } from './network.policy';

/*
 * The network of actors, built from what the councils and the activity log record: seats (member),
 * meetings attended together (meeting), projects (project), being met together by the SC
 * (activity), a person's 主体 (affiliation), and a provider that accepted つなぎ in an area
 * (referral: between the resource's 主体 and the 協議体 of that area; no person in it).
 */

const org = (id: string) => `o:${id}`;
const person = (id: string) => `p:${id}`;
const council = (id: string) => `c:${id}`;
const project = (id: string) => `j:${id}`;

export async function network(ctx: TenantContext, q: { area?: string; kinds?: string }) {
  networkPolicy.read(ctx);
  const all = await tenantAreas(ctx);
  if (q.area && !all.some((a) => a.id === q.area)) throw fieldError('area', '地域：見つかりません。');
  const [ties, acts, orgs, accepted] = await Promise.all([
    councilTies(ctx),
    activityTies(ctx),
    organizationsByIds(ctx, 'all'),
    referralTies(ctx),
  ]);
  const providers = await resourceOrganizationIds(
    ctx,
    accepted.filter((r) => r.targetKind === 'resource').map((r) => r.targetId),
  );

  // Where each actor shows up: its own area, its councils' areas, the areas of activities.
  const areasOf = new Map<string, Set<string>>();
  const place = (id: string, areaId: string | null) => {
    if (!areaId) return;
    const set = areasOf.get(id) ?? new Set<string>();
    set.add(areaId);
    areasOf.set(id, set);
  };
  const edges = new EdgeSet();
  const used = new Set<string>();
  const councilArea = new Map(ties.councils.map((c) => [c.id, c.areaId]));
  const seatActor = new Map<string, string[]>();

  for (const s of ties.seats) {
    if (!councilArea.has(s.councilId)) continue;
    const ids = [
      s.personId ? person(s.personId) : null,
      s.organizationId ? org(s.organizationId) : null,
    ].filter((x): x is string => x !== null);
    seatActor.set(s.id, ids);
    if (!s.current) continue;
    for (const id of ids) {
      edges.add(id, council(s.councilId), 'member');
      place(id, councilArea.get(s.councilId)!);
      used.add(id);
    }
  }
  for (const m of ties.meetings) {
    if (!councilArea.has(m.councilId)) continue;
    edges.addClique(
      m.attendeeIds.flatMap((a) => (seatActor.get(a) ?? []).slice(0, 1)),
      'meeting',
    );
  }
  for (const p of ties.projects) {
    if (!councilArea.has(p.councilId)) continue;
    edges.add(project(p.id), council(p.councilId), 'project');
    for (const id of [...p.personIds.map(person), ...p.organizationIds.map(org)]) {
      edges.add(id, project(p.id), 'project');
      place(id, councilArea.get(p.councilId)!);
      used.add(id);
    }
  }
  for (const a of acts) {
    const ids = [...a.personIds.map(person), ...a.organizationIds.map(org)];
    edges.addClique(ids, 'activity');
    for (const id of ids) {
      for (const areaId of a.areaIds) place(id, areaId);
      used.add(id);
    }
  }
  // A provider that took people in through つなぎ is tied to the 協議体 nearest above that area.
  const nearestCouncil = (areaId: string) => {
    const chain = [
      areaId,
      ...ancestorsOf(all, areaId)
        .map((a) => a.id)
        .reverse(),
    ];
    for (const id of chain) {
      const c = ties.councils.find((x) => x.areaId === id);
      if (c) return c.id;
    }
    return null;
  };
  for (const r of accepted) {
    const provider = r.targetKind === 'resource' ? providers.get(r.targetId) : undefined;
    if (!provider) continue;
    place(org(provider), r.areaId);
    used.add(org(provider));
    const c = nearestCouncil(r.areaId);
    if (c) edges.add(org(provider), council(c), 'referral', r.n);
  }
  for (const p of ties.people) {
    place(person(p.id), p.areaId);
    if (p.organizationId && used.has(person(p.id))) {
      edges.add(person(p.id), org(p.organizationId), 'affiliation');
      used.add(org(p.organizationId));
    }
  }

  const nodes: GraphNode[] = [
    ...ties.councils.map((c) => ({
      id: council(c.id),
      kind: 'council' as const,
      label: c.name,
      actorKind: `${LAYER_SHORT[c.layer as Layer]}協議体`,
      areaIds: [c.areaId],
    })),
    ...ties.projects
      .filter((p) => councilArea.has(p.councilId))
      .map((p) => ({
        id: project(p.id),
        kind: 'project' as const,
        label: p.name,
        actorKind: 'プロジェクト',
        areaIds: [councilArea.get(p.councilId)!],
      })),
    ...ties.people
      .filter((p) => used.has(person(p.id)))
      .map((p) => ({
        id: person(p.id),
        kind: 'person' as const,
        label: p.name,
        actorKind: p.kind || (p.organizationId ? (orgs.get(p.organizationId)?.kind ?? '') : '') || '個人',
        areaIds: [...(areasOf.get(person(p.id)) ?? [])],
      })),
    ...[...orgs.values()]
      .filter((o) => used.has(org(o.id)))
      .map((o) => ({
        id: org(o.id),
        kind: 'organization' as const,
        label: o.name,
        actorKind: o.kind,
        areaIds: [...(areasOf.get(org(o.id)) ?? [])],
      })),
  ];

  // An actor tied to a town-wide council or met in the whole town shows in every area below it.
  const within = (areaId: string) => {
    const inside = subtreeIds(all, [areaId]);
    return new Set([...inside, ...ancestorsOf(all, areaId).map((a) => a.id)]);
  };
  const kinds = q.kinds
    ? new Set(
        q.kinds
          .split(/[、,]/)
          .map((k) => k.trim())
          .filter(Boolean),
      )
    : undefined;
  const graph = filterGraph(nodes, edges.values(), {
    areaIds: q.area ? within(q.area) : undefined,
    actorKinds: kinds,
  });

  // 誰とまだつながっていないか: for the chosen area, or for each 圏域, the kinds involved there (its
  // own subtree only: a 町内会 of another 圏域 on the 第1層 council does not close this one's gap).
  const targets = q.area ? all.filter((a) => a.id === q.area) : all.filter((a) => a.layer === 2);
  const actors = nodes.filter((n) => n.kind === 'person' || n.kind === 'organization');
  const missing = targets.map((a) => {
    const inside = subtreeIds(all, [a.id]);
    const involved = actors.filter((n) => n.areaIds.some((x) => inside.has(x)));
    return {
      areaId: a.id,
      areaName: a.name,
      involved: involved.length,
      kinds: missingActorKinds(involved.map((n) => n.actorKind)),
    };
  });

  return {
    nodes: graph.nodes,
    edges: graph.edges,
    actorKinds: [...new Set(actors.map((n) => n.actorKind))].sort((x, y) => x.localeCompare(y, 'ja')),
    missing,
  };
}

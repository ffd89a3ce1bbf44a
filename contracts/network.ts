import { z } from 'zod';
import { endpoint, TenantParams, Uuid } from './http';

/*
 * The network of actors: 主体, people, councils and projects and their ties, and the kinds of actor
 * the 要綱 names that are not yet involved in an area (「誰とまだつながっていないか」). Ties through
 * referrals come with the matching module (issue 6).
 */

const tag = 'network';

export const NetworkNode = z.object({
  id: z.string(),
  kind: z.enum(['council', 'organization', 'person', 'project']),
  label: z.string(),
  actorKind: z.string(),
  areaIds: z.array(Uuid),
});
export type NetworkNode = z.infer<typeof NetworkNode>;

export const NetworkEdge = z.object({
  source: z.string(),
  target: z.string(),
  kind: z.enum(['member', 'meeting', 'project', 'activity', 'affiliation', 'referral']),
  weight: z.number().int(),
});
export type NetworkEdge = z.infer<typeof NetworkEdge>;

/** For one area: how many actors are involved there, and the named kinds nobody involved is of. */
export const MissingActors = z.object({
  areaId: Uuid,
  areaName: z.string(),
  involved: z.number().int(),
  kinds: z.array(z.object({ kind: z.string(), source: z.string() })),
});
export type MissingActors = z.infer<typeof MissingActors>;

export const network = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/network',
  summary: '関係者のつながり（協議体・主体・人・プロジェクト）と、まだつながっていない主体の種類',
  description:
    '地域を選ぶと、その地域（とその下の地域）に関わるものだけにします。協議体委員には見せません（SCの活動で会った相手を含むため）。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({
    area: Uuid.optional().meta({ title: '地域' }),
    kinds: z.string().max(2000).optional().meta({ title: '主体の種類（読点区切り）' }),
  }),
  response: z.object({
    nodes: z.array(NetworkNode),
    edges: z.array(NetworkEdge),
    /** Kinds of actor present in the unfiltered graph, for the filter. */
    actorKinds: z.array(z.string()),
    /** Per area (the one chosen, or each 第2層 圏域): the named kinds nobody involved there is of. */
    missing: z.array(MissingActors),
  }),
});

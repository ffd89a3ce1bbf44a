/*
 * The network of actors (ネットワーク構築, function ③): 主体, people, councils and projects, and the
 * ties between them — sitting on a council, attending its meetings together, working on a project,
 * being met together by the SC. Pure: the service gathers the rows, this builds, filters and lays
 * out the graph, and answers 「誰とまだつながっていないか」.
 */

import { NAMED_ACTOR_KINDS } from './councils';
import { seeded } from './survey-samples';

export type NodeKind = 'council' | 'organization' | 'person' | 'project';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Kind of actor (町内会・自治会, 民生委員・児童委員 …) for people and 主体; the 層 for councils. */
  actorKind: string;
  /** Areas the node belongs to (a council's area, a person's area, where a 主体 was met). */
  areaIds: string[];
}

export type TieKind = 'member' | 'meeting' | 'project' | 'activity' | 'affiliation' | 'referral';

export interface GraphEdge {
  source: string;
  target: string;
  kind: TieKind;
  /** How many times (meetings attended together, activities met together); 1 for a membership. */
  weight: number;
}

/**
 * How hard a tie pulls in the drawing: a seat, a project or a 主体 one belongs to holds a node in
 * place; sitting in the same meetings or being met together is a weaker tie (and there are many).
 */
export const TIE_STRENGTH: Record<TieKind, number> = {
  member: 1,
  project: 1,
  affiliation: 1,
  meeting: 0.12,
  activity: 0.12,
  referral: 0.5,
};

export const TIE_LABELS: Record<TieKind, string> = {
  member: '委員・メンバー',
  meeting: '同じ会議に出席',
  project: 'プロジェクト',
  activity: 'SCの活動で同席',
  affiliation: '所属',
  referral: 'つなぎの受け入れ',
};

export const NODE_LABELS: Record<NodeKind, string> = {
  council: '協議体',
  organization: '主体（団体・事業所）',
  person: '人',
  project: 'プロジェクト',
};

/** Adds an undirected tie, summing weights of the same pair and kind. */
export class EdgeSet {
  private readonly map = new Map<string, GraphEdge>();

  add(a: string, b: string, kind: TieKind, weight = 1): void {
    if (a === b) return;
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${kind}:${source}:${target}`;
    const e = this.map.get(key);
    if (e) e.weight += weight;
    else this.map.set(key, { source, target, kind, weight });
  }

  /** Every pair among a group (people met together, attendees of one meeting). */
  addClique(ids: readonly string[], kind: TieKind): void {
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i++)
      for (let j = i + 1; j < unique.length; j++) this.add(unique[i]!, unique[j]!, kind);
  }

  values(): GraphEdge[] {
    return [...this.map.values()].sort(
      (x, y) =>
        x.source.localeCompare(y.source) || x.target.localeCompare(y.target) || x.kind.localeCompare(y.kind),
    );
  }
}

export interface GraphFilter {
  /** Keep nodes in these areas (already expanded to a subtree by the caller); undefined = all. */
  areaIds?: ReadonlySet<string>;
  /** Keep only actors of these kinds (councils and projects stay when tied to a kept actor). */
  actorKinds?: ReadonlySet<string>;
  ties?: ReadonlySet<TieKind>;
}

/**
 * The part of the graph a filter asks for. Actors (people, 主体) are filtered by area and kind;
 * councils and projects by area; a node with no tie left is dropped unless it is a council (a
 * council with nobody yet is worth seeing).
 */
export function filterGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], f: GraphFilter) {
  const inArea = (n: GraphNode) => !f.areaIds || n.areaIds.some((a) => f.areaIds!.has(a));
  const isActor = (n: GraphNode) => n.kind === 'organization' || n.kind === 'person';
  const kept = new Set(
    nodes
      .filter((n) => inArea(n) && (!isActor(n) || !f.actorKinds || f.actorKinds.has(n.actorKind)))
      .map((n) => n.id),
  );
  const keptEdges = edges.filter(
    (e) => kept.has(e.source) && kept.has(e.target) && (!f.ties || f.ties.has(e.kind)),
  );
  const tied = new Set(keptEdges.flatMap((e) => [e.source, e.target]));
  const keptNodes = nodes.filter((n) => kept.has(n.id) && (tied.has(n.id) || n.kind === 'council'));
  return { nodes: keptNodes, edges: keptEdges };
}

/** Neighbours of each node with the ties to them. */
export function neighbours(
  edges: readonly GraphEdge[],
): Map<string, { id: string; kind: TieKind; weight: number }[]> {
  const out = new Map<string, { id: string; kind: TieKind; weight: number }[]>();
  const push = (a: string, b: string, e: GraphEdge) => {
    const list = out.get(a) ?? [];
    list.push({ id: b, kind: e.kind, weight: e.weight });
    out.set(a, list);
  };
  for (const e of edges) {
    push(e.source, e.target, e);
    push(e.target, e.source, e);
  }
  return out;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Positions in a width × height box by a force-directed layout (Fruchterman–Reingold): tied nodes
 * pull together, all nodes push apart, with a pull to the centre so that separate groups stay in
 * view. Starting points come from the node ids, so the same graph is drawn the same way.
 */
export function layoutGraph(
  nodes: readonly { id: string }[],
  /** `strength` (default 1) scales the pull: weak ties (met once together) pull less than seats. */
  edges: readonly { source: string; target: string; weight: number; strength?: number }[],
  opts: { width: number; height: number; iterations?: number; margin?: number },
): Map<string, { x: number; y: number }> {
  const { width, height } = opts;
  const margin = opts.margin ?? 30;
  const n = nodes.length;
  const pos = new Map<string, { x: number; y: number }>();
  if (n === 0) return pos;
  const w = width - 2 * margin;
  const h = height - 2 * margin;
  const ids = nodes.map((x) => x.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = seeded(hash(ids[i]!));
    xs[i] = r() * w;
    ys[i] = r() * h;
  }
  const k = Math.sqrt((w * h) / n) * 1.1;
  const links = edges.flatMap((e) => {
    const a = index.get(e.source);
    const b = index.get(e.target);
    return a === undefined || b === undefined
      ? []
      : [{ a, b, weight: Math.min(e.weight, 5), strength: e.strength ?? 1 }];
  });
  const iterations = opts.iterations ?? 300;
  let temperature = Math.max(w, h) / 8;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = xs[i]! - xs[j]!;
        let ddy = ys[i]! - ys[j]!;
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 0.01) {
          // Two nodes on one point: nudge them apart along a fixed direction.
          ddx = 0.1 * ((i % 7) - 3 || 1);
          ddy = 0.1 * ((j % 5) - 2 || 1);
          d2 = ddx * ddx + ddy * ddy;
        }
        const f = (k * k) / d2;
        dx[i]! += ddx * f;
        dy[i]! += ddy * f;
        dx[j]! -= ddx * f;
        dy[j]! -= ddy * f;
      }
    }
    for (const { a, b, weight, strength } of links) {
      const ddx = xs[a]! - xs[b]!;
      const ddy = ys[a]! - ys[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      const f = (strength * d * (1 + 0.2 * (weight - 1))) / k;
      dx[a]! -= ddx * f;
      dy[a]! -= ddy * f;
      dx[b]! += ddx * f;
      dy[b]! += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity towards the centre keeps unconnected groups on the canvas.
      dx[i]! += (w / 2 - xs[i]!) * 0.02;
      dy[i]! += (h / 2 - ys[i]!) * 0.02;
      const d = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!) || 1;
      const step = Math.min(d, temperature);
      xs[i] = Math.min(w, Math.max(0, xs[i]! + (dx[i]! / d) * step));
      ys[i] = Math.min(h, Math.max(0, ys[i]! + (dy[i]! / d) * step));
    }
    temperature *= 0.985;
  }
  for (let i = 0; i < n; i++) pos.set(ids[i]!, { x: margin + xs[i]!, y: margin + ys[i]! });
  return pos;
}

/**
 * 「誰とまだつながっていないか」: the kinds of actor the 要綱 and the seeds name that no actor tied
 * to the area's work is of. `involvedKinds` are the kinds (person or 主体 kinds) of the actors who
 * sit on a council of the area, work on its projects or were met by the SC there.
 */
export function missingActorKinds(involvedKinds: Iterable<string>) {
  const involved = new Set(involvedKinds);
  return NAMED_ACTOR_KINDS.filter(
    (k) => !involved.has(k.kind) && !k.organizationKinds.some((o) => involved.has(o)),
  ).map((k) => ({ kind: k.kind, source: k.source }));
}

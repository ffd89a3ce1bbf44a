import { describe, expect, it } from 'vitest';
import { EdgeSet, filterGraph, type GraphNode, layoutGraph, missingActorKinds } from './network';

const node = (id: string, kind: GraphNode['kind'], actorKind: string, areaIds: string[]): GraphNode => ({
  id,
  kind,
  label: id,
  actorKind,
  areaIds,
});

describe('ties', () => {
  it('sums repeated ties of a pair and kind, in either direction', () => {
    const e = new EdgeSet();
    e.add('b', 'a', 'meeting');
    e.add('a', 'b', 'meeting');
    e.add('a', 'b', 'member');
    e.addClique(['a', 'b', 'c', 'a'], 'activity');
    expect(e.values().map((x) => `${x.kind}:${x.source}-${x.target}:${x.weight}`)).toEqual([
      'activity:a-b:1',
      'meeting:a-b:2',
      'member:a-b:1',
      'activity:a-c:1',
      'activity:b-c:1',
    ]);
  });
});

describe('filters', () => {
  const nodes = [
    node('c1', 'council', '第2層', ['north']),
    node('p1', 'person', '民生委員・児童委員', ['north']),
    node('o1', 'organization', '町内会・自治会', ['north']),
    node('o2', 'organization', '商店', ['south']),
    node('c2', 'council', '第2層', ['south']),
  ];
  const edges = new EdgeSet();
  edges.add('p1', 'c1', 'member');
  edges.add('o1', 'c1', 'member');
  edges.add('o2', 'c2', 'member');
  edges.add('o2', 'p1', 'activity');

  it('keeps an area’s actors and councils, and ties only among what is kept', () => {
    const g = filterGraph(nodes, edges.values(), { areaIds: new Set(['north']) });
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['c1', 'o1', 'p1']);
    expect(g.edges.every((e) => e.kind === 'member')).toBe(true);
  });

  it('filters actors by kind; an untied actor disappears but a council stays', () => {
    const g = filterGraph(nodes, edges.values(), { actorKinds: new Set(['商店']) });
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['c1', 'c2', 'o2']);
  });
});

describe('layout', () => {
  it('is the same picture every time, inside the box, with tied nodes closer than untied ones', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const edges = [
      { source: 'a', target: 'b', weight: 3 },
      { source: 'b', target: 'c', weight: 1 },
      { source: 'd', target: 'e', weight: 1 },
    ];
    const one = layoutGraph(
      ids.map((id) => ({ id })),
      edges,
      { width: 600, height: 400 },
    );
    const two = layoutGraph(
      ids.map((id) => ({ id })),
      edges,
      { width: 600, height: 400 },
    );
    expect([...one.entries()]).toEqual([...two.entries()]);
    for (const p of one.values()) {
      expect(p.x).toBeGreaterThanOrEqual(30);
      expect(p.x).toBeLessThanOrEqual(570);
      expect(p.y).toBeGreaterThanOrEqual(30);
      expect(p.y).toBeLessThanOrEqual(370);
    }
    const d = (x: string, y: string) =>
      Math.hypot(one.get(x)!.x - one.get(y)!.x, one.get(x)!.y - one.get(y)!.y);
    expect(d('a', 'b')).toBeLessThan(d('a', 'f'));
    expect(d('d', 'e')).toBeLessThan(d('d', 'a'));
  });
});

describe('誰とまだつながっていないか', () => {
  it('lists the kinds the 要綱 names that nobody involved is of, counting 主体 kinds as theirs', () => {
    const missing = missingActorKinds(['町内会・自治会', '商店', '民生委員・児童委員', '住民グループ']).map(
      (m) => m.kind,
    );
    expect(missing).not.toContain('町内会・自治会');
    expect(missing).not.toContain('商工会・商店');
    expect(missing).not.toContain('住民主体の活動団体');
    expect(missing).toContain('郵便局');
    expect(missing).toContain('地域おこし協力隊');
    expect(missing).toContain('老人クラブ');
  });
});

import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { type MissingActors, type NetworkEdge, type NetworkNode, network } from '../../../contracts/network';
import { areaTree } from '../../../domain/areas';
import {
  layoutGraph,
  NODE_LABELS,
  neighbours,
  TIE_LABELS,
  TIE_STRENGTH,
  type TieKind,
} from '../../../domain/network';
import { api } from '../../lib/api';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Checkbox, SelectField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { useAreaList } from '../areas';
import { AreaOptions } from '../needs';

const WIDTH = 960;
const HEIGHT = 620;

/** Colour, shape and word for each kind of node: never colour alone. `r` is the mark's size. */
const LOOK: Record<
  NetworkNode['kind'],
  { color: string; shape: 'square' | 'circle' | 'diamond' | 'ring'; r: number }
> = {
  council: { color: '#1d5c4d', shape: 'square', r: 13 },
  organization: { color: '#0d5a8c', shape: 'circle', r: 8 },
  person: { color: '#b4531a', shape: 'ring', r: 8 },
  project: { color: '#5a3d85', shape: 'diamond', r: 11 },
};
const TIE_DASH: Record<TieKind, string | undefined> = {
  member: undefined,
  meeting: '2 3',
  project: '6 3',
  activity: '1 4',
  affiliation: '8 2 2 2',
  referral: '10 4',
};
const TIE_KINDS = Object.keys(TIE_LABELS) as TieKind[];

/**
 * /network — the network of actors (関係者のつながり): who sits, meets and works with whom, drawn
 * as a graph that can be narrowed by area, kind of actor and kind of tie, with the same ties as a
 * table, and the kinds of actor the 要綱 names that an area has not yet involved.
 */
export function NetworkPage() {
  const scope = useTenantScope();
  usePageTitle('関係者のつながり');
  const [area, setArea] = useState('');
  const [kinds, setKinds] = useState<string[]>([]);
  const [ties, setTies] = useState<TieKind[]>(TIE_KINDS);
  const [selected, setSelected] = useState<string | null>(null);
  const areas = useAreaList(scope.code, undefined);
  const data = useQuery({
    queryKey: ['network', scope.code, area, kinds],
    queryFn: ({ signal }) =>
      api(network, {
        params: { tenant: scope.code },
        query: { area: area || undefined, kinds: kinds.length ? kinds.join('、') : undefined },
        signal,
      }),
    enabled: scope.role !== 'council_member',
  });
  const all = useQuery({
    queryKey: ['network', scope.code, '', []],
    queryFn: ({ signal }) => api(network, { params: { tenant: scope.code }, query: {}, signal }),
    enabled: scope.role !== 'council_member',
  });

  if (scope.role === 'council_member')
    return (
      <>
        <PageHeader title="関係者のつながり" />
        <Notice tone="warning">
          <p>
            つながりの図は生活支援コーディネーターと保険者職員のためのものです。委員の顔ぶれは協議体の画面でご覧いただけます。
          </p>
        </Notice>
      </>
    );

  return (
    <>
      <PageHeader
        title="関係者のつながり"
        lead="協議体の委員、会議への出席、プロジェクト、SCの活動で会った相手から、主体と人のつながりを描きます。"
      />
      <div className="toolbar network-filters">
        <SelectField id="network-area" label="地域" value={area} onChange={(e) => setArea(e.target.value)}>
          <option value="">町全体</option>
          <AreaOptions rows={areaTree((areas.data?.areas ?? []).filter((a) => a.layer > 1))} />
        </SelectField>
        <details className="network-kinds">
          <summary>主体・人の種類{kinds.length ? `（${kinds.length}）` : '（すべて）'}</summary>
          <div className="check-grid">
            {(all.data?.actorKinds ?? []).map((k) => (
              <Checkbox
                key={k}
                label={k}
                checked={kinds.includes(k)}
                onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
              />
            ))}
          </div>
        </details>
        <fieldset className="fieldset network-ties">
          <legend className="fieldset__legend">つながりの種類</legend>
          <div className="check-grid">
            {TIE_KINDS.map((t) => (
              <Checkbox
                key={t}
                label={TIE_LABELS[t]}
                checked={ties.includes(t)}
                onChange={(e) => setTies(e.target.checked ? [...ties, t] : ties.filter((x) => x !== t))}
              />
            ))}
          </div>
        </fieldset>
      </div>
      {data.isPending ? (
        <Loading />
      ) : data.isError ? (
        <ErrorNotice error={data.error} />
      ) : (
        <>
          <Graph
            nodes={data.data.nodes}
            edges={data.data.edges.filter((e) => ties.includes(e.kind))}
            selected={selected}
            onSelect={setSelected}
          />
          <Missing missing={data.data.missing} />
        </>
      )}
    </>
  );
}

function Graph({
  nodes,
  edges,
  selected,
  onSelect,
}: {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const pos = useMemo(
    () =>
      layoutGraph(
        nodes,
        edges.map((e) => ({ ...e, strength: TIE_STRENGTH[e.kind] })),
        { width: WIDTH, height: HEIGHT },
      ),
    [nodes, edges],
  );
  const near = useMemo(() => neighbours(edges), [edges]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const current = selected && byId.has(selected) ? selected : null;
  const lit = current ? new Set([current, ...(near.get(current) ?? []).map((x) => x.id)]) : null;
  const key = (id: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(current === id ? null : id);
    }
  };
  const counts = Object.entries(NODE_LABELS).map(
    ([k, label]) => `${label}${nodes.filter((n) => n.kind === k).length}`,
  );
  return (
    <div className="network">
      <div className="network__canvas">
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset>; it groups its buttons */}
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="group"
          aria-label={`つながりの図：${counts.join('、')}、つながり${edges.length}本。下の表にも同じ内容があります。`}
        >
          {edges.map((e) => {
            const a = pos.get(e.source);
            const b = pos.get(e.target);
            if (!a || !b) return null;
            const on =
              !lit ||
              (lit.has(e.source) && lit.has(e.target) && (e.source === current || e.target === current));
            return (
              <line
                key={`${e.kind}:${e.source}:${e.target}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                stroke="#6b747c"
                strokeWidth={Math.min(1 + e.weight * 0.6, 4)}
                strokeDasharray={TIE_DASH[e.kind]}
                opacity={on ? 0.75 : 0.12}
              />
            );
          })}
          {nodes.map((n) => {
            const p = pos.get(n.id);
            if (!p) return null;
            const look = LOOK[n.kind];
            const dim = lit && !lit.has(n.id);
            const r = look.r;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role and keys make it one
              <g
                key={n.id}
                role="button"
                tabIndex={0}
                aria-pressed={current === n.id}
                aria-label={`${n.label}（${NODE_LABELS[n.kind]}・${n.actorKind}）`}
                transform={`translate(${p.x} ${p.y})`}
                opacity={dim ? 0.25 : 1}
                className="network__node"
                onClick={() => onSelect(current === n.id ? null : n.id)}
                onKeyDown={key(n.id)}
              >
                {look.shape === 'square' && (
                  <rect x={-r} y={-r} width={2 * r} height={2 * r} rx={3} fill={look.color} />
                )}
                {look.shape === 'circle' && <circle r={r} fill={look.color} />}
                {look.shape === 'ring' && <circle r={r} fill="#fff" stroke={look.color} strokeWidth={3} />}
                {look.shape === 'diamond' && (
                  <rect
                    x={-r * 0.75}
                    y={-r * 0.75}
                    width={r * 1.5}
                    height={r * 1.5}
                    transform="rotate(45)"
                    fill={look.color}
                  />
                )}
              </g>
            );
          })}
          {/* Short names beside the marks, for the eye; the full name is each mark's own name. */}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> of <text> is not focusable */}
          <g aria-hidden="true">
            {nodes.map((n) => {
              const p = pos.get(n.id);
              if (!p) return null;
              return (
                <text
                  key={n.id}
                  x={p.x}
                  y={p.y + LOOK[n.kind].r + 12}
                  textAnchor="middle"
                  className="network__label"
                  opacity={lit && !lit.has(n.id) ? 0.25 : 1}
                >
                  {n.label.length > 10 ? `${n.label.slice(0, 10)}…` : n.label}
                </text>
              );
            })}
          </g>
        </svg>
        <ul className="network__legend" aria-label="図の見方">
          {Object.entries(NODE_LABELS).map(([k, label]) => (
            <li key={k}>
              <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
                {LOOK[k as NetworkNode['kind']].shape === 'square' && (
                  <rect x={-7} y={-7} width={14} height={14} fill={LOOK.council.color} />
                )}
                {LOOK[k as NetworkNode['kind']].shape === 'circle' && (
                  <circle r={7} fill={LOOK.organization.color} />
                )}
                {LOOK[k as NetworkNode['kind']].shape === 'ring' && (
                  <circle r={6} fill="#fff" stroke={LOOK.person.color} strokeWidth={3} />
                )}
                {LOOK[k as NetworkNode['kind']].shape === 'diamond' && (
                  <rect
                    x={-5}
                    y={-5}
                    width={10}
                    height={10}
                    transform="rotate(45)"
                    fill={LOOK.project.color}
                  />
                )}
              </svg>
              {label}
            </li>
          ))}
          {TIE_KINDS.map((t) => (
            <li key={t}>
              <svg width="30" height="10" aria-hidden="true">
                <line
                  x1="0"
                  y1="5"
                  x2="30"
                  y2="5"
                  stroke="#6b747c"
                  strokeWidth="2"
                  strokeDasharray={TIE_DASH[t]}
                />
              </svg>
              {TIE_LABELS[t]}
            </li>
          ))}
        </ul>
      </div>
      <div className="network__side" aria-live="polite">
        {current ? (
          <Selected
            node={byId.get(current)!}
            ties={near.get(current) ?? []}
            byId={byId}
            onSelect={onSelect}
          />
        ) : (
          <p className="muted">
            図の印を選ぶ（クリック、またはTabで移ってEnter）と、その相手とのつながりが表示されます。
          </p>
        )}
      </div>
      <TieTable nodes={nodes} edges={edges} />
    </div>
  );
}

function Selected({
  node,
  ties,
  byId,
  onSelect,
}: {
  node: NetworkNode;
  ties: { id: string; kind: TieKind; weight: number }[];
  byId: Map<string, NetworkNode>;
  onSelect: (id: string | null) => void;
}) {
  return (
    <section aria-labelledby="selected-title">
      <h2 id="selected-title">{node.label}</h2>
      <p className="muted">
        {NODE_LABELS[node.kind]}・{node.actorKind}・つながり{ties.length}本
      </p>
      <ul className="network__ties">
        {ties.map((t) => (
          <li key={`${t.kind}:${t.id}`}>
            <button type="button" className="link-button" onClick={() => onSelect(t.id)}>
              {byId.get(t.id)?.label ?? t.id}
            </button>
            <span className="muted">
              （{TIE_LABELS[t.kind]}
              {t.weight > 1 ? `・${t.weight}回` : ''}）
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TieTable({ nodes, edges }: { nodes: NetworkNode[]; edges: NetworkEdge[] }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (
    <details className="network__table">
      <summary>表で見る（つながり{edges.length}本）</summary>
      <TableScroll label="つながりの表">
        <table className="table">
          <caption className="visually-hidden">つながりの一覧</caption>
          <thead>
            <tr>
              <th scope="col">どちらか</th>
              <th scope="col">もう一方</th>
              <th scope="col">つながり</th>
              <th scope="col" className="num">
                回数
              </th>
            </tr>
          </thead>
          <tbody>
            {edges.map((e) => (
              <tr key={`${e.kind}:${e.source}:${e.target}`}>
                <th scope="row">{byId.get(e.source)?.label}</th>
                <td>{byId.get(e.target)?.label}</td>
                <td>{TIE_LABELS[e.kind]}</td>
                <td className="num">{e.weight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}

function Missing({ missing }: { missing: MissingActors[] }) {
  return (
    <section aria-labelledby="missing-title" className="network-missing">
      <h2 id="missing-title">誰とまだつながっていないか</h2>
      <p className="muted">
        要綱やお手本の町が協議体の担い手として名前を挙げる主体のうち、その地域の協議体・プロジェクト・SCの活動にまだ登場しない種類です。
      </p>
      <div className="network-areas">
        {missing.map((m) => (
          <section key={m.areaId} className="panel" aria-labelledby={`missing-${m.areaId}`}>
            <h3 id={`missing-${m.areaId}`}>{m.areaName}</h3>
            <p className="muted">関わっている主体・人：{m.involved}</p>
            {m.kinds.length === 0 ? (
              <p>名前の挙がる種類とは、すべてつながっています。</p>
            ) : (
              <ul className="inline-list">
                {m.kinds.map((k) => (
                  <li key={k.kind} title={`出典：${k.source}`}>
                    {k.kind}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}

// A neighbourhood as the API's Subgraph: neutral nodes and edges (each fact drawn as schema/model.yaml's
// `edge:` declares it), and the same graph in the shapes widget libraries read directly — Cytoscape.js
// `elements` JSON (https://js.cytoscape.org/#notation/elements-json) and graphology's serialized format
// (https://graphology.github.io/serialization.html). Pure: the sources come with the facts (neighbourhood.ts).
import type { Neighbourhood } from '../graph/neighbourhood';
import type { Citation, GraphNode } from '../graph/nodes';
import { isProposal, TIE_KIND_OF } from '../graph/ties';
import { ownDates } from '../graph/timeline';
import { edgeLabel, model, type Label } from '../model/model';
import { basisAt } from '../model/time';

/** A post's organisation (an entity's own reference) is drawn with this label. */
const PART_OF_LABEL: Label = { vi: 'thuộc', en: 'of' };

export interface SubgraphNode {
  id: string;
  type: string;
  label: string;
  labelEn: string | null;
  depth: number;
  node: GraphNode;
}

export interface SubgraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  kind: string | null;
  label: string;
  labelEn: string;
  field: string | null;
  fact: GraphNode | null;
  proposed: boolean;
  basis: 'stated' | 'presumed' | null;
  /** The fact's own date or start, and end, as the source gives them (partial dates kept). */
  date: string | null;
  endDate: string | null;
  citations: Citation[];
}

/** The name a widget shows for an entity. */
export function nodeLabel(n: GraphNode): { label: string; labelEn: string | null } {
  const s = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return { label: s(n.name) ?? s(n.label) ?? s(n.role) ?? s(n.title) ?? n.id, labelEn: s(n.nameEn) ?? s(n.labelEn) ?? s(n.roleEn) };
}

/** The neutral nodes and edges of a neighbourhood; `at` gives each fact's basis on that date. */
export function subgraphOf(n: Neighbourhood, at: string | null | undefined) {
  const nodes: SubgraphNode[] = [];
  for (const e of n.entities.values()) {
    const { label, labelEn } = nodeLabel(e);
    nodes.push({ id: e.id, type: e.__typename, label, labelEn, depth: n.depths.get(e.id) ?? 0, node: e });
  }
  const edges: SubgraphEdge[] = [];
  for (const { fact, refs, citations } of n.facts.values()) {
    const type = model.types[fact.__typename];
    const spec = type?.edge;
    if (!type || !spec) continue;
    const from = refs[spec.source];
    const [date, endDate] = ownDates(fact, refs);
    const kind = TIE_KIND_OF[fact.__typename] ?? null;
    const proposed = isProposal(fact);
    const basis = at ? basisAt(fact as Record<string, string | null>, at) : null;
    // one literal per edge (not a spread of the fact's common part: V8 builds those several times slower)
    const edge = (id: string, source: string, target: string, label: Label, field: string | null): SubgraphEdge => ({
      id,
      source,
      target,
      type: fact.__typename,
      kind,
      label: label.vi,
      labelEn: label.en,
      field,
      fact,
      proposed,
      basis,
      date,
      endDate,
      citations,
    });
    const to = refs[spec.target];
    if (from && to) edges.push(edge(fact.id, from.id, to.id, edgeLabel(type, fact)!, null));
    // the fact's other references (a conferral's decidedAt, proposedBy), drawn from its source
    const anchor = from ?? to;
    if (!anchor) continue;
    for (const field in refs) {
      if (field === spec.source || field === spec.target) continue;
      edges.push(edge(`${fact.id}#${field}`, anchor.id, refs[field]!.id, spec.also[field] ?? { vi: field, en: field }, field));
    }
  }
  for (const [from, field, to] of n.structural) {
    edges.push({
      id: `${from}#${field}`,
      source: from,
      target: to,
      type: n.entities.get(from)?.__typename ?? 'Entity',
      kind: null,
      label: PART_OF_LABEL.vi,
      labelEn: PART_OF_LABEL.en,
      field,
      fact: null,
      proposed: false,
      basis: null,
      date: null,
      endDate: null,
      citations: [],
    });
  }
  return { nodes, edges };
}

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : null);

/** What every shape says of an edge: its label and its provenance (fact id, kind, status, basis, inferred, confidence, dates, sources). */
function edgeAttributes(e: SubgraphEdge): Record<string, unknown> {
  const f = e.fact;
  return {
    label: e.label,
    labelEn: e.labelEn,
    type: e.type,
    kind: e.kind,
    field: e.field,
    fact: f?.id ?? null,
    status: upper(f?.status),
    role: upper(f?.role ?? f?.relation),
    proposed: e.proposed,
    basis: upper(e.basis),
    inferred: f ? Boolean(f.inferred) : false,
    confidence: upper(f?.confidence),
    date: e.date,
    endDate: e.endDate,
    validFrom: f?.validFrom ?? null,
    validTo: f?.validTo ?? null,
    statedFrom: f?.statedFrom ?? null,
    statedTo: f?.statedTo ?? null,
    sources: e.citations.map((c) => ({
      source: {
        id: c.source.id,
        title: c.source.title ?? null,
        url: c.source.url ?? null,
        kind: upper(c.source.kind),
        publishedAt: c.source.publishedAt ?? null,
      },
      quotes: c.quotes,
      records: c.records,
    })),
  };
}

const nodeAttributes = (n: SubgraphNode) => ({ label: n.label, labelEn: n.labelEn, type: n.type, depth: n.depth });

/** Cytoscape.js elements JSON, as `cy.json().elements` gives it: {nodes: [{data}], edges: [{data}]}. */
export function cytoscapeElements(g: { nodes: SubgraphNode[]; edges: SubgraphEdge[] }) {
  return {
    nodes: g.nodes.map((n) => ({ data: { id: n.id, ...nodeAttributes(n) } })),
    edges: g.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, ...edgeAttributes(e) } })),
  };
}

/** graphology's serialized graph (a directed multigraph: two facts may tie the same two entities). */
export function graphologyGraph(g: { nodes: SubgraphNode[]; edges: SubgraphEdge[] }, root: string) {
  return {
    attributes: { root },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: g.nodes.map((n) => ({ key: n.id, attributes: nodeAttributes(n) })),
    edges: g.edges.map((e) => ({ key: e.id, source: e.source, target: e.target, attributes: edgeAttributes(e) })),
  };
}

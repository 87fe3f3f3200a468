// The widget's one read: GET <endpoint>/widget/v1/query/WidgetNeighbourhood?variables=… — a stable
// URL (variables in canonical JSON), so the browser's cache and any CDN answer a repeated view. A
// plain GET with no custom header: no CORS preflight, and no credentials are ever sent.
import { widgetQueryUrl } from '../protocol';
import type { TieFilter } from './ties';

/** Cytoscape.js elements JSON as the API gives it (src/graphql/subgraph-shapes.ts). */
export interface Elements {
  nodes: Array<{ data: NodeData }>;
  edges: Array<{ data: EdgeData }>;
}
export interface NodeData {
  id: string;
  label: string;
  labelEn: string | null;
  type: string;
  depth: number;
  [key: string]: unknown;
}
export interface SourceRef {
  source: { id: string; title: string | null; url: string | null; kind: string | null; publishedAt: string | null };
  quotes: string[];
  records: Array<{ field: string; value: string }>;
}
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  label: string;
  labelEn: string;
  type: string;
  kind: string | null;
  fact: string | null;
  status: string | null;
  proposed: boolean;
  basis: 'STATED' | 'PRESUMED' | null;
  inferred: boolean;
  confidence: string | null;
  date: string | null;
  endDate: string | null;
  statedFrom: string | null;
  statedTo: string | null;
  sources: SourceRef[];
  [key: string]: unknown;
}
export interface Neighbourhood {
  root: { id: string };
  truncated: boolean;
  cuts: Array<{ entity: string; depth: number; total: number; kept: number }>;
  cytoscape: Elements;
}

export type FailureKind = 'unreachable' | 'notFound' | 'busy' | 'badInput' | 'failed';

/** Why a read failed, in the terms the widget explains to a reader. */
export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 20_000;

export interface NeighbourhoodQuery {
  id: string;
  depth: number;
  perHop: number;
  ties: TieFilter | null;
}

export async function fetchNeighbourhood(endpoint: string, q: NeighbourhoodQuery): Promise<Neighbourhood> {
  const url = widgetQueryUrl(endpoint, 'WidgetNeighbourhood', { id: q.id, depth: q.depth, perHop: q.perHop, ties: q.ties ?? undefined });
  let response: Response;
  try {
    // credentials: 'omit': a public read; the API never asks for cookies and never allows them cross-origin.
    response = await fetch(url, { credentials: 'omit', mode: 'cors', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new ApiFailure('unreachable', err instanceof Error ? err.message : String(err));
  }
  let body: { data?: { neighbourhood?: Neighbourhood } | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiFailure(response.status >= 500 ? 'busy' : 'unreachable', `HTTP ${response.status}: not a GraphQL answer`);
  }
  const error = body.errors?.[0];
  const code = error?.extensions?.code;
  if (code === 'NOT_FOUND') throw new ApiFailure('notFound', error!.message);
  if (code === 'OVERLOADED' || code === 'SERVICE_UNAVAILABLE' || code === 'QUERY_TIMEOUT') throw new ApiFailure('busy', error!.message);
  if (error && response.status === 400) throw new ApiFailure('badInput', error.message);
  if (error || !body.data?.neighbourhood) throw new ApiFailure('failed', error?.message ?? `HTTP ${response.status}`);
  return body.data.neighbourhood;
}

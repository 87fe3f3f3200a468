// The widget's trusted documents: the only GraphQL the widget's route runs (src/server/widget.ts).
// A page names one by its operation name and sends variables; it can never send a document of its
// own, so it can never reach a mutation (test/unit/widget.test.ts checks each is a query).
import type { WidgetOperation } from './protocol';

/**
 * A neighbourhood in Cytoscape.js's own elements JSON: every edge keeps its provenance (fact, kind,
 * status, proposed, basis, inferred, confidence, dates, sources with quotes, records and URLs).
 */
const NEIGHBOURHOOD = `query WidgetNeighbourhood($id: ID!, $depth: Int = 1, $perHop: Int = 50, $ties: TieFilter) {
  neighbourhood(id: $id, depth: $depth, perHop: $perHop, ties: $ties) {
    root { id }
    truncated
    cuts { entity depth total kept }
    cytoscape
  }
}`;

export const WIDGET_DOCUMENTS: Record<WidgetOperation, string> = {
  WidgetNeighbourhood: NEIGHBOURHOOD,
};

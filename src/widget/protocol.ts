// The widget's contract with the API, shared by the server (src/server/widget.ts) and the browser
// element (src/widget/element/): where the script and its reads live, and how a read is addressed.
// Pure TypeScript (no DOM, no Node): both sides compile it.

/** The widget's major version: a page that embeds /widget/v1/… keeps working across compatible releases. */
export const WIDGET_VERSION = 'v1';
export const WIDGET_BASE = `/widget/${WIDGET_VERSION}`;
/** The one script a page embeds. */
export const WIDGET_SCRIPT_PATH = `${WIDGET_BASE}/officials-graph.js`;
/** GET `${WIDGET_QUERY_PATH}/<operation>?variables=<JSON>`: the widget's own, fixed queries only. */
export const WIDGET_QUERY_PATH = `${WIDGET_BASE}/query`;
export const WIDGET_DEMO_PATH = '/widget/demo';
/** The custom element's tag. */
export const WIDGET_TAG = 'officials-graph';

/** The names of the widget's trusted documents (their text lives on the server, src/widget/documents.ts). */
export const WIDGET_OPERATIONS = ['WidgetNeighbourhood'] as const;
export type WidgetOperation = (typeof WIDGET_OPERATIONS)[number];

/** JSON with every object's keys sorted: one question, one URL, so browsers and CDNs share one cached answer. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** The URL of one read: `endpoint` is the API's origin (or base URL), without a trailing slash. */
export function widgetQueryUrl(endpoint: string, operation: WidgetOperation, variables: Record<string, unknown>): string {
  return `${endpoint.replace(/\/+$/, '')}${WIDGET_QUERY_PATH}/${operation}?variables=${encodeURIComponent(canonicalJson(variables))}`;
}

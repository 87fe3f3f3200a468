// How the graph is drawn: each entity type its own shape and colour (told apart without colour too),
// and each way of knowing a tie its own line — solid for stated, dashed orange for a proposal (an award
// proposed is not an award), dotted for an inferred fact, faded dots for one only presumed to hold on
// the chosen date, thin grey for a post's organisation. The legend (element.ts) uses the same table.
import type { StylesheetJson } from 'cytoscape';

/** Each type's colour and Cytoscape shape, and the same shape as a CSS clip-path for the legend. */
export const NODE_TYPES: Record<string, { color: string; shape: string; clip: string }> = {
  Person: { color: '#2563eb', shape: 'ellipse', clip: 'circle(50%)' },
  Organization: { color: '#059669', shape: 'round-rectangle', clip: 'inset(0 round 25%)' },
  Position: { color: '#d97706', shape: 'tag', clip: 'polygon(0 0, 70% 0, 100% 50%, 70% 100%, 0 100%)' },
  Event: { color: '#dc2626', shape: 'diamond', clip: 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)' },
  Award: {
    color: '#ca8a04',
    shape: 'star',
    clip: 'polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%)',
  },
  Rank: { color: '#7c3aed', shape: 'hexagon', clip: 'polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)' },
};

export type TieStyle = 'stated' | 'proposed' | 'inferred' | 'presumed';
export const TIE_LINES: Record<TieStyle, { color: string; line: 'solid' | 'dashed' | 'dotted'; opacity: number }> = {
  stated: { color: '#475569', line: 'solid', opacity: 1 },
  proposed: { color: '#ea580c', line: 'dashed', opacity: 1 },
  inferred: { color: '#7c3aed', line: 'dotted', opacity: 1 },
  presumed: { color: '#64748b', line: 'dotted', opacity: 0.55 },
};

const line = (s: TieStyle) => ({
  'line-color': TIE_LINES[s].color,
  'target-arrow-color': TIE_LINES[s].color,
  'line-style': TIE_LINES[s].line,
  opacity: TIE_LINES[s].opacity,
});

export function graphStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-size': 10,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: '#0f172a',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        width: 22,
        height: 22,
        'background-color': '#94a3b8',
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...Object.entries(NODE_TYPES).map(([type, t]) => ({
      selector: `node[type = "${type}"]`,
      style: { 'background-color': t.color, shape: t.shape as 'ellipse' },
    })),
    { selector: 'node.root', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#0f172a', 'font-weight': 'bold', 'font-size': 12 } },
    { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#0f172a', 'border-style': 'double' } },
    {
      selector: 'edge',
      style: {
        label: 'data(display)',
        'font-size': 8,
        color: '#334155',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        width: 1.5,
        ...line('stated'),
      },
    },
    { selector: 'edge[?inferred]', style: line('inferred') },
    { selector: 'edge[basis = "PRESUMED"]', style: line('presumed') },
    // last of the three: a proposal reads as one whatever else is true of it
    { selector: 'edge[?proposed]', style: { ...line('proposed'), 'line-dash-pattern': [6, 4], width: 2 } },
    { selector: 'edge[!fact]', style: { width: 1, 'line-color': '#cbd5e1', 'target-arrow-color': '#cbd5e1', 'line-style': 'solid', color: '#64748b' } },
    { selector: ':selected', style: { 'overlay-color': '#0ea5e9', 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
  ];
}

/** Which line an edge is drawn with (for the legend and the panel: the same rule as the stylesheet). */
export function tieStyleOf(e: { proposed: boolean; inferred: boolean; basis: string | null }): TieStyle {
  if (e.proposed) return 'proposed';
  if (e.basis === 'PRESUMED') return 'presumed';
  if (e.inferred) return 'inferred';
  return 'stated';
}

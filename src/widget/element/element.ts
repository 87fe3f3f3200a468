// <officials-graph entity="…">: draws an entity's neighbourhood from the officials-graph API with
// Cytoscape.js and the fCoSE force layout, in a shadow root of its own. Attributes: entity, depth,
// per-hop, ties, at, lang, height, endpoint, entity-href (docs/widget.md). A click on an edge shows the
// fact's sources and quotes; on a node, its names, "expand" (double-click too) and a link back.
// State for pages and tests: the `state` attribute (loading, ready, error), the events
// officials-graph:ready / :expand / :error, the `cy` property (the Cytoscape instance), and the
// performance measures "officials-graph:first-draw" (request → first frame drawn) and
// "officials-graph:fetch" (request → answer read).
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { WIDGET_DEMO_PATH } from '../protocol';
import { ApiFailure, fetchNeighbourhood, type EdgeData, type Elements, type FailureKind, type NeighbourhoodQuery, type NodeData } from './api';
import { WIDGET_CSS } from './css';
import { graphStyle, NODE_TYPES, TIE_LINES, type TieStyle } from './graph-style';
import { langOf, STRINGS, type Lang, type Strings } from './i18n';
import { entityHref } from './links';
import { edgePanel, h, nodePanel } from './panel';
import { parseBoundedInt, parseHeight, parseTies, WidgetInputError } from './ties';

cytoscape.use(fcose);

/**
 * Cytoscape.js 3.35 adds a <style> to the page's <head> (for a class of its own containers) unless an
 * element with this id is there: a style outside the shadow root, refused by any CSP without
 * 'unsafe-inline'. An inert <template> with the id stands in (the widget's CSS positions its container).
 */
function keepCytoscapeOutOfTheHead(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const stand = document.createElement('template');
  stand.id = id;
  document.head.append(stand);
}

/** The origin this script came from: the API the widget reads, unless `endpoint` says otherwise. */
const SCRIPT_ORIGIN = (() => {
  const script = document.currentScript;
  if (script instanceof HTMLScriptElement && script.src) return new URL(script.src, location.href).origin;
  return location.origin;
})();

let sheet: CSSStyleSheet | null = null;
/** One constructed stylesheet shared by every widget on the page. */
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
  }
  return sheet;
}

function layout(first: boolean): LayoutOptions {
  return {
    name: 'fcose',
    quality: 'default',
    randomize: first,
    animate: !first,
    animationDuration: 350,
    fit: true,
    padding: 36,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 85,
    nodeRepulsion: () => 7000,
    packComponents: true,
  } as LayoutOptions;
}

export class OfficialsGraphElement extends HTMLElement {
  static observedAttributes = ['entity', 'depth', 'per-hop', 'endpoint', 'lang', 'ties', 'at', 'height', 'entity-href'];

  private readonly frame = h('div', { class: 'frame', part: 'frame' });
  private readonly graph = h('div', { class: 'graph' });
  private readonly message = h('div', { class: 'message', role: 'status', 'aria-live': 'polite' });
  private readonly bar = h('div', { class: 'bar' });
  private readonly note = h('div', { class: 'note' });
  private readonly legend = h('details', { class: 'legend' });
  private readonly panel = h('aside', { class: 'panel', hidden: '' });
  private instance: Core | null = null;
  private query: NeighbourhoodQuery | null = null;
  /** Bumped by each load: an answer to an older one is dropped. */
  private generation = 0;
  private scheduled = false;
  private readonly resize = new ResizeObserver(() => this.instance?.resize());

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.frame.append(this.graph, this.bar, this.legend, this.note, this.panel, this.message);
    root.append(this.frame);
  }

  /** The Cytoscape.js instance drawn (null before the first draw): read it, e.g. cy.nodes().length. */
  get cy(): Core | null {
    return this.instance;
  }

  connectedCallback(): void {
    this.resize.observe(this.frame);
    this.schedule();
  }

  disconnectedCallback(): void {
    this.resize.disconnect();
    this.generation++;
    this.instance?.destroy();
    this.instance = null;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.schedule();
  }

  private get language(): Lang {
    return langOf(this.getAttribute('lang') ?? this.closest('[lang]')?.getAttribute('lang'));
  }

  private get t(): Strings {
    return STRINGS[this.language];
  }

  private get endpoint(): string {
    return (this.getAttribute('endpoint')?.trim() || SCRIPT_ORIGIN).replace(/\/+$/, '');
  }

  /** Attributes set together (as a page or a framework does) cause one load, not several. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.load();
    });
  }

  private entityHref(id: string): string | null {
    return entityHref(id, this.getAttribute('entity-href'), { endpoint: this.endpoint, demoPath: WIDGET_DEMO_PATH, lang: this.language });
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const t = this.t;
    this.panel.hidden = true;
    let query: NeighbourhoodQuery;
    try {
      this.frame.style.setProperty('--og-height', parseHeight(this.getAttribute('height')));
      const id = this.getAttribute('entity')?.trim();
      if (!id) return this.fail('badInput', t.noEntity);
      query = {
        id,
        depth: parseBoundedInt('depth', this.getAttribute('depth'), 1, 3, 1),
        perHop: parseBoundedInt('per-hop', this.getAttribute('per-hop'), 1, 200, 50),
        ties: parseTies(this.getAttribute('ties'), this.getAttribute('at')),
      };
    } catch (err) {
      if (err instanceof WidgetInputError) return this.fail('badInput', t.badInput(err.message));
      throw err;
    }
    this.query = query;
    this.setState('loading');
    this.showMessage(t.loading, false);
    const started = performance.now();
    try {
      const n = await fetchNeighbourhood(this.endpoint, query);
      if (generation !== this.generation) return;
      performance.measure('officials-graph:fetch', { start: started, end: performance.now(), detail: { entity: query.id } });
      this.draw(n.cytoscape, n.root.id, generation, started);
      this.note.textContent = !n.truncated ? '' : n.cuts.length ? t.truncated(n.cuts.length, query.perHop) : t.capped;
    } catch (err) {
      if (generation !== this.generation) return;
      this.failWith(err, query.id);
    }
  }

  private failWith(err: unknown, id: string): void {
    const t = this.t;
    if (!(err instanceof ApiFailure)) return this.fail('failed', t.failed(err instanceof Error ? err.message : String(err)));
    const text: Record<FailureKind, string> = {
      unreachable: t.unreachable(this.endpoint),
      notFound: t.notFound(id),
      busy: t.busy,
      badInput: t.badInput(err.message),
      failed: t.failed(err.message),
    };
    this.fail(err.kind, text[err.kind]);
  }

  private fail(kind: FailureKind, text: string): void {
    this.instance?.destroy();
    this.instance = null;
    this.bar.replaceChildren();
    this.legend.replaceChildren();
    this.note.textContent = '';
    this.showMessage(text, true);
    this.setState('error');
    this.dispatchEvent(new CustomEvent('officials-graph:error', { detail: { kind, message: text }, bubbles: true, composed: true }));
  }

  private showMessage(text: string, error: boolean): void {
    this.message.textContent = text;
    this.message.classList.toggle('error', error);
    this.message.setAttribute('role', error ? 'alert' : 'status');
    this.message.hidden = false;
  }

  private setState(state: 'loading' | 'ready' | 'error'): void {
    this.setAttribute('state', state);
  }

  /** The API's elements with the label to show in this language, the centre marked. */
  private elements(els: Elements, root: string | null, depthOffset = 0): ElementDefinition[] {
    const en = this.language === 'en';
    return [
      ...els.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { ...n.data, depth: n.data.depth + depthOffset, display: (en ? n.data.labelEn : null) ?? n.data.label },
        classes: n.data.id === root ? 'root' : '',
      })),
      ...els.edges.map((e) => ({ group: 'edges' as const, data: { ...e.data, display: en ? e.data.labelEn : e.data.label } })),
    ];
  }

  private draw(els: Elements, root: string, generation: number, started: number): void {
    this.instance?.destroy();
    keepCytoscapeOutOfTheHead();
    const cy = cytoscape({
      container: this.graph,
      elements: this.elements(els, root),
      style: graphStyle(),
      layout: { name: 'preset' },
      minZoom: 0.15,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    this.instance = cy;
    cy.on('tap', 'edge', (ev) => this.showEdge(ev.target as EdgeSingular));
    cy.on('tap', 'node', (ev) => this.showNode(ev.target as NodeSingular));
    cy.on('dbltap', 'node', (ev) => void this.expand((ev.target as NodeSingular).id()));
    cy.on('tap', (ev) => {
      if (ev.target === cy) this.panel.hidden = true;
    });
    const run = cy.layout(layout(true));
    run.one('layoutstop', () =>
      requestAnimationFrame(() => {
        if (generation !== this.generation) return;
        const entity = root;
        performance.mark('officials-graph:drawn', { detail: { entity } });
        performance.measure('officials-graph:first-draw', { start: started, end: performance.now(), detail: { entity } });
        this.message.hidden = true;
        this.drawChrome(cy, root);
        this.setState('ready');
        this.dispatchEvent(
          new CustomEvent('officials-graph:ready', { detail: { entity, nodes: cy.nodes().length, edges: cy.edges().length }, bubbles: true, composed: true }),
        );
      }),
    );
    run.run();
  }

  /** The title (a link back to the centre), the counts, "fit", and the legend. */
  private drawChrome(cy: Core, root: string): void {
    const t = this.t;
    const centre = cy.getElementById(root);
    const fit = h('button', { type: 'button', class: 'fit' }, t.fit);
    fit.addEventListener('click', () => cy.fit(undefined, 36));
    const href = this.entityHref(root);
    const name = String(centre.data('display') ?? root);
    const title = href ? h('a', { class: 'title', href, target: '_blank', rel: 'noopener noreferrer' }, name) : h('span', { class: 'title' }, name);
    this.bar.replaceChildren(title, h('span', { class: 'meta' }, t.counts(cy.nodes().length, cy.edges().length)), fit);
    // the canvas says nothing to a screen reader: name what it shows
    this.graph.setAttribute('role', 'img');
    this.graph.setAttribute('aria-label', `${title.textContent} — ${t.counts(cy.nodes().length, cy.edges().length)}`);
    const types = Object.entries(NODE_TYPES).map(([type, s]) => {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.background = s.color;
      swatch.style.clipPath = s.clip;
      return h('li', {}, swatch, t.types[type] ?? type);
    });
    const lines = (Object.keys(TIE_LINES) as TieStyle[]).map((style) => {
      const stroke = h('span', { class: 'stroke' });
      stroke.style.borderTop = `2px ${TIE_LINES[style].line} ${TIE_LINES[style].color}`;
      stroke.style.opacity = String(TIE_LINES[style].opacity);
      return h('li', { 'data-tie': style }, stroke, t[style]);
    });
    this.legend.replaceChildren(h('summary', {}, t.legendTitle), h('ul', {}, ...types, ...lines));
    this.legend.open = this.frame.clientWidth > 560;
  }

  private showPanel(children: HTMLElement[]): void {
    const close = h('button', { type: 'button', class: 'close', 'aria-label': this.t.close }, '×');
    close.addEventListener('click', () => (this.panel.hidden = true));
    this.panel.replaceChildren(close, ...children);
    this.panel.hidden = false;
  }

  private showEdge(edge: EdgeSingular): void {
    const name = (n: NodeSingular) => String(n.data('display') ?? n.id());
    const names = { source: name(edge.source()), target: name(edge.target()), relation: String(edge.data('display')) };
    this.showPanel(edgePanel(edge.data() as EdgeData, names, this.t));
  }

  private showNode(node: NodeSingular): void {
    const id = node.id();
    this.showPanel(
      nodePanel(node.data() as NodeData, this.t, this.language, {
        href: this.entityHref(id),
        expanded: node.hasClass('expanded') || node.hasClass('root'),
        onExpand: () => void this.expand(id),
      }),
    );
  }

  /** Adds the node's own neighbourhood (one tie away, the same filter) to the drawing. */
  private async expand(id: string): Promise<void> {
    const cy = this.instance;
    const node = cy?.getElementById(id);
    if (!cy || !this.query || !node?.nonempty() || node.hasClass('expanded') || node.hasClass('root') || node.hasClass('expanding')) return;
    node.addClass('expanding');
    const generation = this.generation;
    try {
      const n = await fetchNeighbourhood(this.endpoint, { ...this.query, id, depth: 1 });
      if (generation !== this.generation || cy.destroyed()) return;
      const fresh = this.elements(n.cytoscape, null, Number(node.data('depth')) || 0).filter((el) => cy.getElementById(String(el.data.id)).empty());
      const at = node.position();
      const added = cy.add(
        fresh.map((el) => (el.group === 'nodes' ? { ...el, position: { x: at.x + Math.random() * 40 - 20, y: at.y + Math.random() * 40 - 20 } } : el)),
      );
      node.removeClass('expanding').addClass('expanded');
      cy.layout(layout(false)).run();
      this.bar.querySelector('.meta')!.textContent = this.t.counts(cy.nodes().length, cy.edges().length);
      if (!this.panel.hidden) this.showNode(node);
      this.dispatchEvent(new CustomEvent('officials-graph:expand', { detail: { entity: id, added: added.length }, bubbles: true, composed: true }));
    } catch (err) {
      node.removeClass('expanding');
      if (generation !== this.generation) return;
      this.note.textContent =
        err instanceof ApiFailure && err.kind === 'unreachable' ? this.t.unreachable(this.endpoint) : this.t.failed(String((err as Error).message));
    }
  }
}

// The side panel: what a click on an edge or a node shows. An edge: the relation, how it is known
// (proposed, inferred, presumed, stated — in words, not only in the line's style), its confidence and
// dates, and every source with its exact quote or record values and a link to the source's URL. A
// node: its names and type, "expand" and a link back to the entity. Built with textContent only: no
// text from the data is ever parsed as HTML.
import type { EdgeData, NodeData, SourceRef } from './api';
import type { Strings } from './i18n';
import { safeHref } from './links';

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(c);
  return el;
}

const span = (text: string) => (text.length ? text : null);

function dateRange(from: string | null, to: string | null): string | null {
  if (!from && !to) return null;
  return `${from ?? '…'} – ${to ?? '…'}`;
}

function sourceBlock(s: SourceRef, t: Strings): HTMLElement {
  const href = safeHref(s.source.url);
  const title = s.source.title ?? s.source.id;
  const head = href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, title) : h('strong', {}, title);
  const when = [s.source.kind?.toLowerCase(), s.source.publishedAt].filter(Boolean).join(' · ');
  return h(
    'div',
    { class: 'source' },
    head,
    when ? h('div', { class: 'when' }, when) : null,
    ...s.quotes.map((q) => h('blockquote', { class: 'quote' }, q)),
    s.records.length ? h('div', { class: 'when' }, t.record) : null,
    s.records.length ? h('ul', { class: 'records' }, ...s.records.map((r) => h('li', {}, `${r.field}: ${r.value}`))) : null,
  );
}

export function edgePanel(e: EdgeData, names: { source: string; target: string; relation: string }, t: Strings): HTMLElement[] {
  const badges = h('div', { class: 'badges' });
  if (e.proposed) badges.append(h('span', { class: 'badge proposed' }, t.proposedBadge));
  if (e.inferred) badges.append(h('span', { class: 'badge inferred' }, t.inferredBadge));
  if (e.basis === 'PRESUMED') badges.append(h('span', { class: 'badge presumed' }, t.presumedBadge));
  if (e.basis === 'STATED') badges.append(h('span', { class: 'badge' }, t.statedBadge));
  const facts = h('dl', {});
  const row = (term: string, value: string | null) => value && facts.append(h('dt', {}, term), h('dd', {}, value));
  row(t.confidence, e.confidence);
  row(t.dates, dateRange(e.date, e.endDate) ?? dateRange(e.statedFrom, e.statedTo));
  const sources = e.sources.length
    ? [h('h4', {}, t.sources), ...e.sources.map((s) => sourceBlock(s, t))]
    : [h('p', { class: 'sub' }, e.fact ? t.unsourced : t.noSources)];
  const parts: Array<HTMLElement | null> = [
    h('h3', {}, `${names.source} — ${names.relation} → ${names.target}`),
    e.fact ? h('p', { class: 'sub' }, [e.type, e.status?.toLowerCase(), e.fact].filter(Boolean).join(' · ')) : null,
    badges.childElementCount ? badges : null,
    facts.childElementCount ? facts : null,
    ...sources,
  ];
  return parts.filter((x): x is HTMLElement => !!x);
}

export function nodePanel(n: NodeData, t: Strings, lang: 'vi' | 'en', links: { href: string | null; expanded: boolean; onExpand: () => void }): HTMLElement[] {
  const title = (lang === 'en' ? n.labelEn : null) ?? n.label;
  const other = lang === 'en' ? n.label : n.labelEn;
  const expand = h('button', { type: 'button', class: 'expand' }, links.expanded ? t.expanded : t.expand);
  if (links.expanded) expand.setAttribute('disabled', '');
  expand.addEventListener('click', links.onExpand);
  const parts: Array<HTMLElement | null> = [
    h('h3', {}, title),
    other && other !== title ? h('p', { class: 'sub' }, other) : null,
    h('p', { class: 'sub' }, [t.types[n.type] ?? n.type, t.depth(n.depth), n.id].map(span).filter(Boolean).join(' · ')),
    h(
      'div',
      { class: 'actions' },
      expand,
      links.href ? h('a', { class: 'open', href: links.href, target: '_blank', rel: 'noopener noreferrer' }, t.open) : null,
    ),
  ];
  return parts.filter((x): x is HTMLElement => !!x);
}

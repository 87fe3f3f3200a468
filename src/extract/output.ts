// The extractor's product: an article in, a facts file out (YAML, docs/facts-format.md), with a
// header that says how the people were resolved against the graph when that was asked for.
import { stringify } from 'yaml';
import { findFacts, type ExtractOptions, type Findings } from './extract';
import { FactsDocument, toFactsFile } from './facts';

export interface Extraction {
  findings: Findings;
  facts: FactsDocument;
}

/** Extracts an article's facts; `textFile` is where the facts file will find the article. */
export function extractArticle(text: string, options: ExtractOptions & { textFile: string }): Extraction {
  const findings = findFacts(text, options);
  return { findings, facts: toFactsFile(findings, options) };
}

/** One line per person: what the graph already holds under that name and why it is (not) linked. */
export interface ResolutionNote {
  localId: string;
  id: string;
  reason: string;
  namesakes?: string[];
}

export function describeResolution(r: ResolutionNote): string {
  switch (r.reason) {
    case 'same-source':
      return `${r.localId}: linked to ${r.id} (this article was loaded before)`;
    case 'identifier':
      return `${r.localId}: linked to ${r.id} (same Wikidata id)`;
    case 'name-and-tie':
      return `${r.localId}: linked to ${r.id} (same name and a post or organisation in common)`;
    case 'new-namesake':
      return `${r.localId}: new person ${r.id}, kept apart from ${r.namesakes?.join(', ')} (same name, no post or organisation in common)`;
    default:
      return `${r.localId}: new person (no one of that name in the graph)`;
  }
}

/** The facts file as YAML, verbatim quotes kept; resolutions (when asked for) as a comment at the top. */
export function toYaml(facts: FactsDocument, resolutions: ResolutionNote[] | null): string {
  const header = [
    '# Facts extracted by `npm run extract` — candidates for an editor: check each quote and fact before ingesting.',
    ...(resolutions === null
      ? ['# Entity resolution: not run (--offline); `npm run ingest` resolves the people against the graph.']
      : [
          '# Entity resolution against the graph (the rules of ingest and search; ingest applies them again):',
          ...resolutions.map((r) => `#   ${describeResolution(r)}`),
        ]),
  ];
  const body = stringify(facts, { lineWidth: 0, aliasDuplicateObjects: false });
  return `${header.join('\n')}\n${body}`;
}

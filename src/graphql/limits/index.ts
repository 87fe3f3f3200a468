// Query limits of the public API, one file per limit, wired into Apollo and Express by
// src/server/app.ts from the configuration (src/config.ts):
// - depth.ts, aliases.ts: graphql-js validation rules over one shared walk (selections.ts);
// - tokens.ts: the parser's token limit (parseOptions), its error mapped to QUERY_TOO_LARGE;
// - fan-out.ts: the list fan-out cost, an Apollo plugin after validation (it needs the variables);
// - body.ts: the request body limit and its JSON 413;
// - nesting.ts: brackets in the document and nesting of the variables, before anything recurses;
// - operations.ts: subscriptions (not served over HTTP) refused as a client error.
// Each refusal is HTTP 400 (413 for the body) with a stable code and extensions.limit.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { MAX_COLLEAGUES } from '../../graph/colleagues';
import { MAX_COMMON, MAX_COMMON_IDS } from '../../graph/common';
import { MAX_PATHS } from '../../graph/connections';
import { ListSizes } from '../../graph/list-sizes';
import { DEFAULT_PER_HOP, MAX_DEPTH, MAX_FACTS, MAX_PER_HOP } from '../../graph/neighbourhood';
import { MAX_TIMELINE } from '../../graph/timeline';
import { MAX_PAGE_SIZE } from '../../graph/lists';
import { MAX_SEARCH_RESULTS } from '../../graph/search';
import { aliasLimitRule } from './aliases';
import { depthLimitRule } from './depth';
import { fanOutPlugin, FanOutOptions } from './fan-out';
import { operationTypePlugin } from './operations';
import { tokenLimitParseOptions } from './tokens';

export { aliasCount, aliasLimitRule, DEFAULT_MAX_ALIASES } from './aliases';
export { bodyErrorHandler, MAX_BODY_BYTES } from './body';
export { documentNesting, MAX_NESTING, nestingLimit, valueNesting } from './nesting';
export { DEFAULT_MAX_DEPTH, depthLimitRule, selectionDepth } from './depth';
export { DEFAULT_LIST_SIZE, DEFAULT_MAX_COST, estimateCost, fanOutPlugin } from './fan-out';
export type { FanOutOptions } from './fan-out';
export { DEFAULT_MAX_TOKENS, tokenLimitError, tokenLimitParseOptions } from './tokens';

/**
 * What the known-expensive fields cost beyond their items: a search (full-text, a fuzzy second pass)
 * as much as a page of 500 items; a path search four times more with each hop it may take, per path
 * asked for (maxHops 4: 256 a path; 6: 4,096); shared as much as a search, commonConnections as much
 * per two ids; a neighbourhood four items for each fact its depth and perHop let it take (depth 2,
 * perHop 50: 2,000 facts, 8,000).
 */
export const FIELD_WEIGHTS: Record<string, (args: Record<string, unknown>) => number> = {
  'Query.search': () => 500,
  // an out-of-range maxHops or first costs nothing here: the resolver refuses it with BAD_USER_INPUT, naming the argument
  'Query.connections': (a) => {
    const hops = typeof a.maxHops === 'number' ? a.maxHops : 4;
    const first = typeof a.first === 'number' ? a.first : 3;
    return hops >= 1 && hops <= 6 && first >= 1 && first <= 10 ? 4 ** hops * first : 0;
  },
  'Query.shared': () => 500,
  // as many as its ids would need pairwise, and its 100 items
  'Query.commonConnections': (a) => (Array.isArray(a.ids) ? 250 * Math.min(a.ids.length, MAX_COMMON_IDS) + MAX_COMMON : 0),
  // nodes, edges and their sources: about four items per fact it may take, by its caps
  'Query.neighbourhood': (a) => 4 * neighbourhoodFactCap(a.depth, a.perHop),
  'Query.timeline': () => 100,
};

/**
 * The most facts a neighbourhood may take: `perHop` from the centre, then `perHop` from each of the
 * (at most three per fact) entities reached, hop after hop, never more than MAX_FACTS.
 */
export function neighbourhoodFactCap(depth: unknown, perHop: unknown): number {
  const d = typeof depth === 'number' ? depth : 1;
  const p = typeof perHop === 'number' ? perHop : DEFAULT_PER_HOP;
  // an out-of-range depth or perHop costs nothing here: the resolver refuses it, naming the argument
  if (!Number.isInteger(d) || d < 1 || d > MAX_DEPTH || !Number.isInteger(p) || p < 1 || p > MAX_PER_HOP) return 0;
  let facts = 0;
  let frontier = 1;
  for (let hop = 1; hop <= d && facts < MAX_FACTS; hop++) {
    const taken = frontier * p;
    facts += taken;
    frontier = taken * 3;
  }
  return Math.min(facts, MAX_FACTS);
}

/** The fan-out options for this API's schema: page caps of the lists (src/graph), the data's list sizes, and the configured limits. */
export function fanOutOptions(limits: Config['queryLimits'], listSizes?: () => ReadonlyMap<string, number>): FanOutOptions {
  return {
    maxCost: limits.maxCost,
    listSize: limits.listSize,
    maxFirst: MAX_PAGE_SIZE,
    maxFirstByField: {
      'Query.search': MAX_SEARCH_RESULTS,
      'Query.connections': MAX_PATHS,
      'Query.timeline': MAX_TIMELINE,
      'Person.colleagues': MAX_COLLEAGUES,
    },
    listSizes,
    fieldWeights: FIELD_WEIGHTS,
  };
}

/** What app.ts gives Apollo: validation rules, parse options and the plugin. */
export async function queryLimits<TContext extends BaseContext>(
  limits: Config['queryLimits'],
  db: Database,
): Promise<{ validationRules: ValidationRule[]; parseOptions: ParseOptions; plugins: ApolloServerPlugin<TContext>[]; stop: () => void }> {
  // The data's list sizes for the cost limit: measured before the first request (up to 5 s), then every 5 minutes.
  const sizes = new ListSizes(db);
  if (limits.sizesFromData) await sizes.start(5 * 60_000, 5000);
  const listSizes = () => sizes.current;
  return {
    stop: () => sizes.stop(),
    validationRules: [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)],
    parseOptions: tokenLimitParseOptions(limits.maxTokens),
    plugins: [operationTypePlugin<TContext>(), fanOutPlugin<TContext>(fanOutOptions(limits, listSizes))],
  };
}

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
import { ListSizes } from '../../graph/list-sizes';
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
 * asked for (maxHops 4: 256 a path; 6: 4,096); shared as much as a search.
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
};

/** The fan-out options for this API's schema: page caps of the lists (src/graph), the data's list sizes, and the configured limits. */
export function fanOutOptions(limits: Config['queryLimits'], listSizes?: () => ReadonlyMap<string, number>): FanOutOptions {
  return {
    maxCost: limits.maxCost,
    listSize: limits.listSize,
    maxFirst: MAX_PAGE_SIZE,
    maxFirstByField: { 'Query.search': MAX_SEARCH_RESULTS },
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

// Depth limit (validation rule): the deepest chain of nested fields in an operation, fragments
// expanded, must not exceed the limit. `{ people { nodes { name } } }` has depth 3.
//
// Introspection is exempt below `__schema` and `__type`: the standard introspection query (GraphiQL's)
// nests ~13 levels through `ofType` chains, so `__schema { … }` counts as one level whatever it holds.
// Those subtrees are still subject to the alias and token limits and to the fan-out cost, which
// refuses nested introspection (types → fields → type → fields → …) by its size.
import type { FragmentDefinitionNode, SelectionSetNode, ValidationRule } from 'graphql';
import { ErrorCode } from '../../errors';
import { limitError } from './limit-error';
import { foldSelections, operationLimitRule, SelectionFold } from './selections';

export const DEFAULT_MAX_DEPTH = 10;

/** Fields whose subtrees are not counted: introspection reads the schema, not the graph. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

const depth: SelectionFold = {
  field: (node, inner) => 1 + (node.selectionSet && !INTROSPECTION_ROOTS.has(node.name.value) ? inner(node.selectionSet) : 0),
  combine: Math.max,
};

/** The depth of a selection set, fragments expanded. */
export function selectionDepth(selectionSet: SelectionSetNode, fragment: (name: string) => FragmentDefinitionNode | undefined): number {
  return foldSelections(selectionSet, fragment, depth);
}

/** Refuses each operation deeper than `maxDepth` with QUERY_TOO_DEEP. */
export function depthLimitRule(maxDepth: number = DEFAULT_MAX_DEPTH): ValidationRule {
  return operationLimitRule(depth, maxDepth, (actual) =>
    limitError(ErrorCode.QUERY_TOO_DEEP, `Query too deep: depth ${actual} is more than the limit of ${maxDepth}.`, { limit: maxDepth, actual }),
  );
}

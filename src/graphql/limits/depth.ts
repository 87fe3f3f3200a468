// Depth limit (validation rule): the deepest chain of nested fields in an operation, fragments
// expanded, must not exceed the limit. `{ people { nodes { name } } }` has depth 3.
//
// Introspection is exempt below `__schema` and `__type`: the standard introspection query (GraphiQL's)
// nests ~13 levels through `ofType` chains, so `__schema { … }` counts as one level whatever it holds.
// Those subtrees are still subject to the alias and token limits and to the fan-out cost, which
// refuses nested introspection (types → fields → type → fields → …) by its size.
import type { FragmentDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import { ErrorCode } from '../../errors';
import { limitError } from './limit-error';

export const DEFAULT_MAX_DEPTH = 10;

/** Fields whose subtrees are not counted: introspection reads the schema, not the graph. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** The depth of a selection set; fragment depths are memoized, cycles (invalid anyway) count 0. */
export function selectionDepth(selectionSet: SelectionSetNode, fragment: (name: string) => FragmentDefinitionNode | undefined): number {
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (set: SelectionSetNode): number => {
    let max = 0;
    for (const selection of set.selections) {
      let depth = 0;
      if (selection.kind === 'Field') {
        depth = 1 + (selection.selectionSet && !INTROSPECTION_ROOTS.has(selection.name.value) ? depthOf(selection.selectionSet) : 0);
      } else if (selection.kind === 'InlineFragment') {
        depth = depthOf(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const known = memo.get(name);
        if (known !== undefined) depth = known;
        else if (!visiting.has(name)) {
          const definition = fragment(name);
          visiting.add(name);
          depth = definition ? depthOf(definition.selectionSet) : 0;
          visiting.delete(name);
          memo.set(name, depth);
        }
      }
      if (depth > max) max = depth;
    }
    return max;
  };
  return depthOf(selectionSet);
}

/** Refuses each operation deeper than `maxDepth` with QUERY_TOO_DEEP. */
export function depthLimitRule(maxDepth: number = DEFAULT_MAX_DEPTH): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node) {
      const depth = selectionDepth(node.selectionSet, (name) => context.getFragment(name) ?? undefined);
      if (depth > maxDepth) {
        context.reportError(
          limitError(ErrorCode.QUERY_TOO_DEEP, `Query too deep: depth ${depth} is more than the limit of ${maxDepth}.`, { limit: maxDepth, actual: depth }),
        );
      }
      return false;
    },
  });
}

// The walk the depth and alias limits share: fold an operation's selections into one number, with
// fragments (named and inline) expanded. A named fragment is measured once (memoized); a cycle
// (invalid GraphQL, reported by graphql-js's own rule) counts 0 rather than looping.
import type { FieldNode, FragmentDefinitionNode, GraphQLError, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';

export interface SelectionFold {
  /** A field's value, given a way to measure its own selection set. */
  field(node: FieldNode, inner: (set: SelectionSetNode) => number): number;
  /** How the values of sibling selections combine (max for depth, sum for counts). */
  combine(a: number, b: number): number;
}

export function foldSelections(selectionSet: SelectionSetNode, fragment: (name: string) => FragmentDefinitionNode | undefined, fold: SelectionFold): number {
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const measure = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      let value = 0;
      if (selection.kind === 'Field') value = fold.field(selection, measure);
      else if (selection.kind === 'InlineFragment') value = measure(selection.selectionSet);
      else {
        const name = selection.name.value;
        const known = memo.get(name);
        if (known !== undefined) value = known;
        else if (!visiting.has(name)) {
          const definition = fragment(name);
          visiting.add(name);
          value = definition ? measure(definition.selectionSet) : 0;
          visiting.delete(name);
          memo.set(name, value);
        }
      }
      total = fold.combine(total, value);
    }
    return total;
  };
  return measure(selectionSet);
}

/** A validation rule that measures each operation and refuses it above `limit`. */
export function operationLimitRule(fold: SelectionFold, limit: number, refuse: (actual: number) => GraphQLError): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node) {
      const actual = foldSelections(node.selectionSet, (name) => context.getFragment(name) ?? undefined, fold);
      if (actual > limit) context.reportError(refuse(actual));
      return false;
    },
  });
}

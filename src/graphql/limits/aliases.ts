// Alias limit (validation rule): the aliases in an operation, counted with its fragments expanded
// (a fragment spread twice counts twice, as its fields appear twice in the response), must not exceed
// the limit. Aliases are how one request asks for the same expensive field many times over.
import type { FragmentDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import { ErrorCode } from '../../errors';
import { limitError } from './limit-error';

export const DEFAULT_MAX_ALIASES = 30;

/** The aliases of a selection set, fragments expanded; fragment counts are memoized, cycles count 0. */
export function aliasCount(selectionSet: SelectionSetNode, fragment: (name: string) => FragmentDefinitionNode | undefined): number {
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const countIn = (set: SelectionSetNode): number => {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        if (selection.alias) count += 1;
        if (selection.selectionSet) count += countIn(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') {
        count += countIn(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const known = memo.get(name);
        if (known !== undefined) count += known;
        else if (!visiting.has(name)) {
          const definition = fragment(name);
          visiting.add(name);
          const n = definition ? countIn(definition.selectionSet) : 0;
          visiting.delete(name);
          memo.set(name, n);
          count += n;
        }
      }
    }
    return count;
  };
  return countIn(selectionSet);
}

/** Refuses each operation with more than `maxAliases` aliases with TOO_MANY_ALIASES. */
export function aliasLimitRule(maxAliases: number = DEFAULT_MAX_ALIASES): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node) {
      const aliases = aliasCount(node.selectionSet, (name) => context.getFragment(name) ?? undefined);
      if (aliases > maxAliases) {
        context.reportError(
          limitError(ErrorCode.TOO_MANY_ALIASES, `Too many aliases: ${aliases} is more than the limit of ${maxAliases} per operation.`, {
            limit: maxAliases,
            actual: aliases,
          }),
        );
      }
      return false;
    },
  });
}

// Alias limit (validation rule): the aliases in an operation, counted with its fragments expanded
// (a fragment spread twice counts twice, as its fields appear twice in the response), must not exceed
// the limit. Aliases are how one request asks for the same expensive field many times over.
import type { FragmentDefinitionNode, SelectionSetNode, ValidationRule } from 'graphql';
import { ErrorCode } from '../../errors';
import { limitError } from './limit-error';
import { foldSelections, operationLimitRule, SelectionFold } from './selections';

export const DEFAULT_MAX_ALIASES = 30;

const aliases: SelectionFold = {
  field: (node, inner) => (node.alias ? 1 : 0) + (node.selectionSet ? inner(node.selectionSet) : 0),
  combine: (a, b) => a + b,
};

/** The aliases of a selection set, fragments expanded. */
export function aliasCount(selectionSet: SelectionSetNode, fragment: (name: string) => FragmentDefinitionNode | undefined): number {
  return foldSelections(selectionSet, fragment, aliases);
}

/** Refuses each operation with more than `maxAliases` aliases with TOO_MANY_ALIASES. */
export function aliasLimitRule(maxAliases: number = DEFAULT_MAX_ALIASES): ValidationRule {
  return operationLimitRule(aliases, maxAliases, (actual) =>
    limitError(ErrorCode.TOO_MANY_ALIASES, `Too many aliases: ${actual} is more than the limit of ${maxAliases} per operation.`, {
      limit: maxAliases,
      actual,
    }),
  );
}

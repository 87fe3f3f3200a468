// The Date scalar: ISO 8601 dates that may be partial (YYYY, YYYY-MM, YYYY-MM-DD).
import { GraphQLError, GraphQLScalarTypeConfig, Kind, valueFromASTUntyped } from 'graphql';
import { isPartialDate } from '../model/dates';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isPartialDate(value)) {
    const shown = JSON.stringify(value) ?? String(value);
    throw new GraphQLError(
      `Date must be an ISO 8601 date such as "2024", "2024-04" or "2024-04-10" (a real day); got ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return value;
}

/** The scalar's behaviour; its description is the SDL's (schema/common.graphql), not restated here. */
export const DateScalar: Pick<GraphQLScalarTypeConfig<string, string>, 'serialize' | 'parseValue' | 'parseLiteral'> = {
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
};

/** The JSON scalar: any JSON value, out only (a subgraph's Cytoscape.js and graphology shapes); as input, a literal is read as given. */
export const JsonScalar: Pick<GraphQLScalarTypeConfig<unknown, unknown>, 'serialize' | 'parseValue' | 'parseLiteral'> = {
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => valueFromASTUntyped(ast),
};

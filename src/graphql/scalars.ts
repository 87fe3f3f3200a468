// The Date scalar: ISO 8601 dates that may be partial (YYYY, YYYY-MM, YYYY-MM-DD).
import { GraphQLError, GraphQLScalarTypeConfig, Kind } from 'graphql';
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

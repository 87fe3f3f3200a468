// Token limit, enforced by the parser itself (graphql-js `maxLexicalTokens`, passed to Apollo as
// `parseOptions`): a huge document is abandoned while it is read, before any AST is built or
// validated. Apollo reports the parser's error as GRAPHQL_PARSE_FAILED with HTTP 400; the format
// step (src/graphql/format-error.ts) turns it into QUERY_TOO_LARGE with the limit in extensions.
import type { GraphQLFormattedError, ParseOptions } from 'graphql';
import { ErrorCode } from '../../errors';

export const DEFAULT_MAX_TOKENS = 2000;

/** Apollo's `parseOptions` for the limit. */
export function tokenLimitParseOptions(maxTokens: number = DEFAULT_MAX_TOKENS): ParseOptions {
  return { maxLexicalTokens: maxTokens };
}

// graphql-js 16: "Syntax Error: Document contains more that 2000 tokens. Parsing aborted." ("that" is
// its typo; "than" accepted too should it be fixed). test/unit/limits.test.ts checks the wording.
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] (\d+) tokens/;

/** The QUERY_TOO_LARGE error for a parse error caused by the token limit; undefined for any other error. */
export function tokenLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED') return undefined;
  const match = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
  if (!match) return undefined;
  const limit = Number(match[1]);
  return {
    message: `Query too large: the document has more than the limit of ${limit} tokens.`,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.QUERY_TOO_LARGE, limit },
  };
}

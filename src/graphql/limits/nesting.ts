// Nesting limit, checked before anything recurses: a document whose brackets nest deeper than
// MAX_NESTING (99,000 unclosed "[" overflow graphql-js's recursive parser before its token limit
// stops it), or variables nested deeper (45,000 arrays overflow the coercion of a Date), is refused
// with 400 QUERY_TOO_DEEP after one linear, iterative scan. No honest query comes near the limit:
// the depth limit allows 10 levels of fields, a list value rarely nests twice.
import type { RequestHandler } from 'express';
import { ErrorCode } from '../../errors';

export const MAX_NESTING = 64;

/** The deepest nesting of ( [ { in a GraphQL document, outside strings and comments. */
export function documentNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const block = text.startsWith('"""', i);
      const end = block ? text.indexOf('"""', i + 3) : nextQuote(text, i + 1);
      if (end < 0) break;
      i = block ? end + 2 : end;
    } else if (c === 0x23 /* # */) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    } else if (c === 0x28 || c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** The index of the closing quote of a one-line string (escapes skipped), or -1. */
function nextQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22) return i;
    else if (c === 0x0a) return i - 1;
  }
  return -1;
}

/** The deepest nesting of arrays and objects in a JSON value, walked without recursion. */
export function valueNesting(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const d = depth + 1;
    if (d > deepest) deepest = d;
    if (deepest > stopAbove) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) stack.push([child, d]);
  }
  return deepest;
}

const refuse = (what: string, limit: number) => ({
  errors: [{ message: `${what} nest deeper than the limit of ${limit} levels.`, extensions: { code: ErrorCode.QUERY_TOO_DEEP, limit } }],
});

/** Express middleware for /graphql, after the body is read: refuses over-nested documents and variables. */
export function nestingLimit(limit: number = MAX_NESTING): RequestHandler {
  return (req, res, next) => {
    const source = req.method === 'GET' ? req.query : (req.body as Record<string, unknown> | undefined);
    const query = source?.query;
    if (typeof query === 'string' && documentNesting(query) > limit) {
      res.status(400).json(refuse('The document’s brackets', limit));
      return;
    }
    let variables = source?.variables;
    if (typeof variables === 'string') {
      try {
        variables = JSON.parse(variables);
      } catch {
        variables = undefined; // Apollo answers a malformed value itself
      }
    }
    if (variables !== undefined && valueNesting(variables, limit) > limit) {
      res.status(400).json(refuse('The variables', limit));
      return;
    }
    next();
  };
}

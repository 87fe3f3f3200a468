// Says in each response how many Neo4j statements the operation sent — `Server-Timing: db;desc="1
// statement"`, `db;desc="3 statements"` (a standard header browsers' devtools show) — so a client, a test or a benchmark can
// see that a compiled read costs one statement per root field and a loader-resolved one more.
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

export const STATEMENTS_HEADER = 'server-timing';

export function statementsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const n = contextValue.statements?.count;
          if (typeof n === 'number') response.http.headers.set(STATEMENTS_HEADER, `db;desc="${n} statement${n === 1 ? '' : 's'}"`);
        },
      };
    },
  };
}

/** The statement count of a response's Server-Timing header (null when absent). */
export function statementsOf(header: string | null): number | null {
  const m = header ? /db;desc="(\d+) statements?"/.exec(header) : null;
  return m ? Number(m[1]) : null;
}

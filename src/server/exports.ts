// The export downloads: GET /export/popolo.json and /export/ftm.jsonl (?root=ID&depth=1-3 for a
// neighbourhood). Public reads: each page is a read transaction; the response is streamed as it is
// read (backpressure respected), so the whole graph is never held in memory. An error before the
// first byte is a JSON error with its code; after it, the connection is cut (the file is incomplete).
// At most MAX_CONCURRENT_EXPORTS run at once per process (they are long reads, outside GraphQL's admission).
import { once } from 'node:events';
import type { Express, Request, Response } from 'express';
import type { Database } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { EXPORT_FILES, EXPORT_FORMATS, exportStream, ExportFormat } from '../export';
import type { Logger } from '../log';

const STATUS: Partial<Record<string, number>> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, SERVICE_UNAVAILABLE: 503, QUERY_TIMEOUT: 504 };

function scopeOf(req: Request): { root: string | null; depth: number | null } {
  const root = typeof req.query.root === 'string' && req.query.root ? req.query.root : null;
  const depthText = typeof req.query.depth === 'string' ? req.query.depth : null;
  const depth = depthText === null ? null : Number(depthText);
  if (depthText !== null && !/^[1-3]$/.test(depthText)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'depth: expected 1, 2 or 3');
  if (depth !== null && !root) throw new AppError(ErrorCode.BAD_USER_INPUT, 'depth needs root (the id of the entity at the centre)');
  if (root && root.length > 300) throw new AppError(ErrorCode.BAD_USER_INPUT, 'root: at most 300 characters');
  return { root, depth };
}

/** Whole-graph exports are long reads: at most this many run at once per process; more get 503 and Retry-After. */
export const MAX_CONCURRENT_EXPORTS = 2;

export function registerExports(app: Express, db: Database, log: Logger): void {
  let running = 0;
  for (const format of EXPORT_FORMATS) {
    const { contentType, file } = EXPORT_FILES[format as ExportFormat];
    app.get(`/export/${file}`, async (req: Request, res: Response) => {
      if (running >= MAX_CONCURRENT_EXPORTS) {
        res.status(503).setHeader('retry-after', '5');
        res.json({ error: { code: ErrorCode.OVERLOADED, message: `At most ${MAX_CONCURRENT_EXPORTS} exports run at once; retry in 5 s.` } });
        return;
      }
      running++;
      let started = false;
      try {
        const stream = exportStream(db, format, scopeOf(req));
        for await (const chunk of stream) {
          if (!started) {
            res.status(200).setHeader('content-type', contentType);
            res.setHeader('content-disposition', `attachment; filename="${file}"`);
            res.setHeader('access-control-allow-origin', '*');
            started = true;
          }
          // a client that goes away ends the export (its read stops with the generator)
          if (res.destroyed) return;
          if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
        }
        res.end();
      } catch (error) {
        const code = error instanceof AppError ? error.code : ErrorCode.INTERNAL_SERVER_ERROR;
        log.warn({ err: error, format, code }, 'export failed');
        if (started) return void res.destroy();
        res.status(STATUS[code] ?? 500).json({ error: { code, message: error instanceof AppError ? error.message : 'The export failed.' } });
      } finally {
        running--;
      }
    });
  }
}

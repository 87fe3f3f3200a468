// Request body limit: express.json reads at most MAX_BODY_BYTES. Its errors (a body over the limit,
// malformed JSON) would reach Express's default handler, an HTML page; this handler answers them as
// GraphQL-style JSON with a stable code: 413 PAYLOAD_TOO_LARGE naming the limit, 400 BAD_REQUEST for
// other unreadable bodies. Anything else goes on to the next error handler.
import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../../errors';

export const MAX_BODY_BYTES = 100 * 1024;

interface BodyParserError {
  status?: number;
  type?: string;
  expose?: boolean;
  limit?: number;
  message?: string;
}

export const bodyErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  const e = (err ?? {}) as BodyParserError;
  if (res.headersSent || typeof e.status !== 'number') return next(err);
  if (e.type === 'entity.too.large' || e.status === 413) {
    const limit = typeof e.limit === 'number' ? e.limit : MAX_BODY_BYTES;
    res.status(413).json({
      errors: [
        {
          message: `Request body too large: the limit is ${limit} bytes (${Math.round(limit / 1024)} kB).`,
          extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE, limit },
        },
      ],
    });
    return;
  }
  if (e.expose && e.status >= 400 && e.status < 500) {
    res.status(e.status).json({ errors: [{ message: e.message ?? 'Bad request', extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  next(err);
};

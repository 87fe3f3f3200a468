// Guards an operator route (e.g. /metrics) with a bearer token when one is configured; compared in
// constant time. Without a configured token the route is open (keep it behind the proxy then).
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';

export function requireToken(token: string | undefined): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  const expected = crypto.createHash('sha256').update(token).digest();
  return (req, res, next) => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const given = crypto
      .createHash('sha256')
      .update(m?.[1] ?? '')
      .digest();
    if (m && crypto.timingSafeEqual(given, expected)) return next();
    res.status(401).setHeader('www-authenticate', 'Bearer').json({ error: 'this route needs Authorization: Bearer <METRICS_TOKEN>' });
  };
}

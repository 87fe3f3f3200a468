// Answers that browsers and CDNs may keep: a strong validator (ETag from the body's hash), 304 Not
// Modified when the client already holds it, gzip for clients that take it. Used by the widget's
// script and its reads (src/server/widget.ts).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';

/** Bodies smaller than this go out as they are: gzip would save less than its headers cost. */
const GZIP_MIN_BYTES = 1024;
const gzip = promisify(zlib.gzip);

/** A weak ETag of the body's content: the same for its gzipped and plain forms (they are one representation). */
export function etagOf(body: Buffer | string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when If-None-Match names `etag` (weak comparison, RFC 9110 §13.1.2) or is `*`. */
export function notModified(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** The body gzipped, or null when it is too small to be worth it. */
export async function gzipIfWorth(body: Buffer): Promise<Buffer | null> {
  return body.length >= GZIP_MIN_BYTES ? gzip(body, { level: 6 }) : null;
}

export interface Cacheable {
  body: Buffer;
  /** The body gzipped, when already at hand (a built file); else it is gzipped here if worth it. */
  gzipped?: Buffer | null;
  contentType: string;
  cacheControl: string;
  status?: number;
  etag?: string;
}

/** Sends `c` with its ETag and Cache-Control, or 304 when the client holds it already. */
export async function sendCacheable(req: Request, res: Response, c: Cacheable): Promise<void> {
  const etag = c.etag ?? etagOf(c.body);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', c.cacheControl);
  res.vary('Accept-Encoding');
  const status = c.status ?? 200;
  // Only a success is revalidated: an error's body is not worth a round trip to compare.
  if (status === 200 && notModified(req, etag)) {
    res.status(304).end();
    return;
  }
  res.status(status).type(c.contentType);
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    const gzipped = c.gzipped !== undefined ? c.gzipped : await gzipIfWorth(c.body);
    if (gzipped) {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(gzipped);
      return;
    }
  }
  res.end(c.body);
}

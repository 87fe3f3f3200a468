// The API's own short-lived cache of the widget's answers (a "microcache"): a page embedded on a busy
// site is read by thousands of browsers that each miss their own cache once; within the TTL they get
// the answer already computed — and a revalidation (If-None-Match) its 304 — without a database query.
// Bounded in bytes (least recently used out first); only successes and unknown ids are kept. A request
// with `Cache-Control: no-cache` (a hard reload) skips it. What it adds to staleness after a write is
// the TTL, on top of the max-age browsers and CDNs already keep.

export interface Answer {
  status: number;
  body: Buffer;
  gzipped: Buffer | null;
  etag: string;
  cacheControl: string;
}

export class AnswerCache {
  private readonly entries = new Map<string, { stored: number; answer: Answer }>();
  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The answer and its age in seconds, or null when absent or expired. */
  get(key: string): { answer: Answer; ageSeconds: number } | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const age = this.now() - entry.stored;
    if (age >= this.ttlMs) {
      this.remove(key);
      return null;
    }
    // most recently used last: Map keeps insertion order
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { answer: entry.answer, ageSeconds: Math.floor(age / 1000) };
  }

  set(key: string, answer: Answer): void {
    const size = sizeOf(key, answer);
    if (size > this.maxBytes) return;
    this.remove(key);
    this.entries.set(key, { stored: this.now(), answer });
    this.bytes += size;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= sizeOf(key, entry.answer);
    this.entries.delete(key);
  }
}

const sizeOf = (key: string, a: Answer) => key.length * 2 + a.body.length + (a.gzipped?.length ?? 0);

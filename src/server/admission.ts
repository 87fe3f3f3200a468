// Admission of GraphQL requests: at most `slots` operations run at once (so that their database calls
// fit the driver's pool), then a queue of at most `queue` requests, each waiting at most `waitMs`.
// Beyond that a request is shed before anything of it runs, with HTTP 503, Retry-After and OVERLOADED —
// an answer in milliseconds that says "busy, retry", never a connection-acquisition timeout that would
// read as "database unavailable". A request admitted runs to its end: none is cut half-way.
import type { RequestHandler } from 'express';
import { AppError, overloaded } from '../errors';

export interface AdmissionOptions {
  slots: number;
  queue: number;
  waitMs: number;
  /** Seconds a shed client is told to wait (Retry-After). */
  retryAfterSeconds: number;
}

export class Admission {
  private active = 0;
  private readonly waiting: Array<{ admit: () => void; timer: NodeJS.Timeout }> = [];

  constructor(private readonly options: AdmissionOptions) {}

  /** Requests running and waiting (metrics). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /** Express middleware: admits the request (releasing its slot when the response ends) or sheds it with 503. */
  middleware(onShed?: () => void): RequestHandler {
    return (req, res, next) => {
      if (req.method === 'OPTIONS') return next();
      this.enter().then(
        () => {
          let released = false;
          const release = () => {
            if (released) return;
            released = true;
            this.leave();
          };
          res.once('finish', release);
          res.once('close', release);
          next();
        },
        (error: AppError) => {
          onShed?.();
          res.status(503).set('retry-after', String(this.options.retryAfterSeconds));
          res.json({ errors: [{ message: error.message, extensions: error.extensions }] });
        },
      );
    };
  }

  private enter(): Promise<void> {
    if (this.active < this.options.slots) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queue) return Promise.reject(overloaded(this.options.retryAfterSeconds));
    return new Promise<void>((resolve, reject) => {
      const entry = {
        admit: resolve,
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(overloaded(this.options.retryAfterSeconds));
        }, this.options.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) {
      // the slot passes straight to the next caller: `active` stays the same
      clearTimeout(next.timer);
      next.admit();
    } else {
      this.active--;
    }
  }
}

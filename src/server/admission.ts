// Admission of GraphQL requests: at most `slots` operations run at once (so that their database calls
// fit the driver's pool), then a queue of at most `queue` requests, each waiting at most `waitMs`.
// Beyond that a request is shed before anything of it runs, with HTTP 503, Retry-After and OVERLOADED —
// an answer in milliseconds that says "busy, retry", never a connection-acquisition timeout that would
// read as "database unavailable". A request admitted runs to its end: none is cut half-way.
import type { RequestHandler } from 'express';
import type { AppError } from '../errors';
import { Slots, type SlotsOptions } from '../slots';

export type AdmissionOptions = SlotsOptions;

export class Admission {
  private readonly slots: Slots;

  constructor(options: AdmissionOptions) {
    this.slots = new Slots(options);
  }

  /** Requests running and waiting (metrics). */
  get load(): { active: number; waiting: number } {
    return this.slots.load;
  }

  /** Express middleware: admits the request (releasing its slot when the response ends) or sheds it with 503. */
  middleware(onShed?: () => void): RequestHandler {
    return (req, res, next) => {
      if (req.method === 'OPTIONS') return next();
      this.slots.enter().then(
        () => {
          let released = false;
          const release = () => {
            if (released) return;
            released = true;
            this.slots.leave();
          };
          res.once('finish', release);
          res.once('close', release);
          next();
        },
        (error: AppError) => {
          onShed?.();
          res.status(503).set('retry-after', String(this.slots.options.retryAfterSeconds));
          res.json({ errors: [{ message: error.message, extensions: error.extensions }] });
        },
      );
    };
  }
}

// A bounded number of slots and a bounded, timed queue for them: what admission (src/server/admission.ts)
// holds GraphQL operations to, and what the connection search (src/graphql/resolvers/connections.ts)
// holds its statements to. A caller beyond the queue, or waiting longer than `waitMs`, is refused with
// OVERLOADED and a Retry-After — "busy, retry", never a timeout that reads as "database unavailable".
import { AppError, overloaded } from './errors';

export interface SlotsOptions {
  slots: number;
  queue: number;
  waitMs: number;
  /** Seconds a refused caller is told to wait (Retry-After). */
  retryAfterSeconds: number;
}

export class Slots {
  private active = 0;
  private readonly waiting: Array<{ admit: () => void; timer: NodeJS.Timeout }> = [];

  constructor(readonly options: SlotsOptions) {}

  /** Callers holding a slot and waiting for one (metrics). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /** Resolves once the caller holds a slot (release it with `leave`); rejects with OVERLOADED when the queue is full or the wait too long. */
  enter(): Promise<void> {
    if (this.active < this.options.slots) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queue) return Promise.reject(overloaded(this.options.retryAfterSeconds));
    return new Promise<void>((resolve, reject: (error: AppError) => void) => {
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

  /** Releases a slot: it passes straight to the next caller waiting, if any. */
  leave(): void {
    const next = this.waiting.shift();
    if (next) {
      // `active` stays the same
      clearTimeout(next.timer);
      next.admit();
    } else {
      this.active--;
    }
  }

  /** Runs `work` in a slot, released however it ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }
}

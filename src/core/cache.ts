/**
 * One request per key for a whole page, however many callers want it. A caller that aborts
 * stops waiting at once; the shared work is aborted only when every caller has gone before it
 * finished. Network failures are forgotten (the next caller tries again); results and
 * verification failures are kept for the page's life.
 */
import { PostureError, type ErrorCode } from './errors.js';

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  users: number;
  settled: boolean;
}

/** Failures worth trying again later: the network, not the document. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['fetch-failed', 'http-status', 'timeout', 'aborted', 'content-type']);

export class RequestCache {
  private readonly entries = new Map<string, Entry>();

  /** How many keys have work in flight (for tests and leak checks). */
  get pending(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (!entry.settled) n++;
    return n;
  }

  get size(): number {
    return this.entries.size;
  }

  use<T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new PostureError('aborted', 'Loading was cancelled.'));
    let entry = this.entries.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: Entry = { controller, users: 0, settled: false, promise: Promise.resolve() };
      created.promise = start(controller.signal).then(
        (value) => {
          created.settled = true;
          return value;
        },
        (error: unknown) => {
          created.settled = true;
          if (!(error instanceof PostureError) || TRANSIENT.has(error.code)) {
            if (this.entries.get(key) === created) this.entries.delete(key);
          }
          throw error;
        },
      );
      this.entries.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.users++;
    if (!signal) return shared.promise as Promise<T>;
    return new Promise<T>((resolve, reject) => {
      const release = () => {
        shared.users--;
        if (shared.users === 0 && !shared.settled) {
          shared.controller.abort();
          if (this.entries.get(key) === shared) this.entries.delete(key);
        }
        reject(new PostureError('aborted', 'Loading was cancelled.'));
      };
      signal.addEventListener('abort', release, { once: true });
      shared.promise.then(
        (value) => {
          signal.removeEventListener('abort', release);
          resolve(value as T);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', release);
          reject(error);
        },
      );
    });
  }
}

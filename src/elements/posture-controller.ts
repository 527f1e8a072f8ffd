/**
 * Loading for a trust element, as a reactive controller shaped like @lit/task: its arguments
 * (`src pin keys timeout`) are read at every host update; when they change, the load in flight is
 * aborted and `run(signal)` starts again — at once, or once the element nears the viewport
 * (`loading="lazy"`) — through the page-wide cache (`loadShared`). `value` says what it found. It
 * also keeps the host's expiry timer, and lets a move to another parent go on loading.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { expiredPosture, isPostureError, type FetchLike } from '../core/read.js';
import type { PostureSnapshot } from './context.js';
import { loadShared } from './loader.js';
import { problemState } from './problems.js';

export interface PostureLoadArgs {
  src: string;
  /** The `pin` attribute as written; absent and empty differ (an empty pin trusts nothing). */
  pin: string | undefined;
  keys: string | undefined;
  timeout: number;
}

export interface PostureLoadOptions {
  /** The arguments now; `undefined` when there is nothing to load (no `src`). */
  args(): PostureLoadArgs | undefined;
  /** Whether to wait until the host nears the viewport before loading. */
  lazy(): boolean;
  fetch: FetchLike;
  /** What the host shows now (its own document or its ancestor's): re-rendered when it expires. */
  shown(): PostureSnapshot;
}

const LOADING: PostureSnapshot = { state: 'loading' };

/** setTimeout's longest delay; an expiry further away is not scheduled. */
const MAX_TIMER = 2_147_483_647;

export class PostureLoadController implements ReactiveController {
  /** What the last load found; `loading` while one runs. */
  value: PostureSnapshot = LOADING;
  /** The arguments last loaded, as a string; `null` before the first load and after a removal. */
  private key?: string | null = null;
  private aborter?: AbortController;
  private observer?: IntersectionObserver;
  private expiry?: ReturnType<typeof setTimeout>;
  /** The snapshot `expiry` was set for. */
  private timed?: PostureSnapshot;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: PostureLoadOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Put back after a removal: load again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // A move to another parent disconnects and reconnects in one task: only a removal that lasts
    // past it cancels the load.
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      this.cancel();
      this.key = null;
      clearTimeout(this.expiry);
      this.timed = undefined;
    });
  }

  hostUpdate(): void {
    const args = this.options.args();
    // An absent pin and an empty one differ (the empty one trusts nothing), so the key tells them apart.
    const key = args && JSON.stringify([args.src, args.pin ?? null, args.keys ?? null, args.timeout]);
    if (!this.host.isConnected || key === this.key) return;
    this.key = key;
    this.cancel();
    if (!args) return;
    this.value = LOADING;
    const { signal } = (this.aborter = new AbortController());
    if (this.options.lazy() && 'IntersectionObserver' in globalThis) {
      const observer = (this.observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          observer.disconnect();
          void this.run(signal);
        },
        { rootMargin: '200px' },
      ));
      observer.observe(this.host);
    } else {
      void this.run(signal);
    }
  }

  hostUpdated(): void {
    const shown = this.options.shown();
    if (shown === this.timed || !this.host.isConnected) return;
    this.timed = shown;
    clearTimeout(this.expiry);
    const expires = shown.posture?.expires.getTime();
    if (shown.state !== 'verified' || expires === undefined) return;
    const delay = expires - Date.now();
    if (delay > 0 && delay < MAX_TIMER) this.expiry = setTimeout(() => this.host.requestUpdate(), delay + 10);
  }

  /** Loads the current arguments; what it finds becomes `value`, unless `signal` is aborted first (re-pointed or removed: an old answer never lands). */
  async run(signal: AbortSignal): Promise<void> {
    const args = this.options.args();
    if (!args) return;
    try {
      const posture = await loadShared(args.src, {
        pin: args.pin,
        keys: args.keys,
        timeoutMs: args.timeout,
        fetch: this.options.fetch,
        signal,
      });
      if (!signal.aborted) this.settle({ state: 'verified', posture, url: posture.url });
    } catch (error) {
      if (signal.aborted || (isPostureError(error) && error.code === 'aborted')) return;
      const expired = expiredPosture(error);
      if (expired) {
        this.settle({ state: 'expired', posture: expired, url: args.src, problem: { code: 'expired', message: (error as Error).message } });
        return;
      }
      const problem = isPostureError(error)
        ? { code: error.code, message: error.message }
        : { code: 'fetch-failed', message: (error as Error)?.message ?? String(error) };
      this.settle({ state: problemState(problem.code), problem, url: args.src });
    }
  }

  private settle(value: PostureSnapshot) {
    this.value = value;
    this.host.requestUpdate();
  }

  private cancel() {
    this.aborter?.abort();
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

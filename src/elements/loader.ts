/**
 * Loading for the elements: one request per document URL and one per key set for the whole
 * page, one verification per (document, keys, pins), whatever the number of elements. Each
 * element's own `timeout` bounds its wait for the whole load, verification included.
 */
import { DEFAULT_TIMEOUT_MS, fetchJsonBytes, loadPosture, parsePins, pinsKey, RequestCache, type LoadedPosture, type LoadOptions } from '../core/read.js';
import { withDeadline } from '../core/load.js';

export const pageCache = new RequestCache();

export interface ElementLoadOptions extends Pick<LoadOptions, 'keys' | 'timeoutMs' | 'fetch' | 'baseUrl'> {
  /** The element's `pin` attribute as written; `undefined` when it is absent. */
  pin?: string;
  signal: AbortSignal;
}

/** `url` resolved against `base`, or as written when it is not a URL (loading then refuses it). */
const absolute = (url: string, base: string) => {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
};

export function loadShared(src: string, options: ElementLoadOptions): Promise<LoadedPosture> {
  const base = options.baseUrl ?? document.baseURI;
  let pins: string[] | undefined;
  try {
    // Parsed once, here: a pin present but empty or malformed trusts nothing (`pin-invalid`).
    pins = options.pin === undefined ? undefined : parsePins(options.pin);
  } catch (error) {
    return Promise.reject(error);
  }
  // Everything that decides trust is in the key, so two elements share a result only when they trust alike.
  const key = `posture ${JSON.stringify([absolute(src, base), options.keys === undefined ? null : absolute(options.keys, base), pins === undefined ? null : pinsKey(pins)])}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal.addEventListener('abort', stop, { once: true });
  if (options.signal.aborted) stop();
  const shared = pageCache.use(
    key,
    (signal) =>
      loadPosture(src, {
        ...options,
        pins,
        baseUrl: base,
        signal,
        getBytes: (url, what, maxBytes, innerSignal) =>
          pageCache.use(`bytes ${url}`, (s) => fetchJsonBytes(url, what, { fetch: options.fetch, signal: s, timeoutMs, maxBytes }), innerSignal),
      }),
    controller.signal,
  );
  // The shared load may have been started by an element with a longer timeout: this one waits only its own.
  return withDeadline(shared, timeoutMs, `The signed document could not be loaded and checked within ${Math.round(timeoutMs / 1000)} seconds (${absolute(src, base)}).`).finally(() => {
    options.signal.removeEventListener('abort', stop);
    stop(); // this caller is done waiting: the shared work goes on only for those still waiting
  });
}

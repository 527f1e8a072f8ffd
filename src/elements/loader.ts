/**
 * Loading for the elements: one request per document URL and one per key set for the whole
 * page, one verification per (document, keys, pins), whatever the number of elements.
 */
import { fetchJsonBytes, loadPosture, RequestCache, type LoadedPosture, type LoadOptions } from '../core/index.js';

export const pageCache = new RequestCache();

export interface ElementLoadOptions extends Pick<LoadOptions, 'pins' | 'keys' | 'timeoutMs' | 'fetch' | 'baseUrl'> {
  signal: AbortSignal;
}

export function loadShared(src: string, options: ElementLoadOptions): Promise<LoadedPosture> {
  const base = options.baseUrl ?? document.baseURI;
  let key: string;
  try {
    key = `posture ${new URL(src, base).href} ${options.keys ? new URL(options.keys, base).href : ''} ${options.pins?.join(',') ?? ''}`;
  } catch {
    key = `posture ${src}`;
  }
  return pageCache.use(
    key,
    (signal) =>
      loadPosture(src, {
        ...options,
        baseUrl: base,
        signal,
        getBytes: (url, what, maxBytes, innerSignal) =>
          pageCache.use(`bytes ${url}`, (s) => fetchJsonBytes(url, what, { fetch: options.fetch, signal: s, timeoutMs: options.timeoutMs, maxBytes }), innerSignal),
      }),
    options.signal,
  );
}

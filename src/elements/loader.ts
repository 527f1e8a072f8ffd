/**
 * Loading for the elements: the page-wide cache (one request per document URL and one per key
 * set, one verification per document, keys and pins, whatever the number of elements) over the
 * core's `loadPosture`. Each element's own `timeout` bounds its wait, verification included.
 */
import { loadPosture, RequestCache, type FetchLike, type LoadedPosture } from '../core/read.js';

export const pageCache = new RequestCache();

export interface ElementLoadOptions {
  /** The element's `pin` attribute as written; `undefined` when it is absent. */
  pin?: string;
  keys?: string;
  timeoutMs?: number;
  /** The element's `fetch`: the first element to ask for a URL fetches it for the page. */
  fetch?: FetchLike;
  signal: AbortSignal;
}

export function loadShared(src: string, options: ElementLoadOptions): Promise<LoadedPosture> {
  const { pin, keys, timeoutMs, fetch, signal } = options;
  return loadPosture(src, { pins: pin, keys, timeoutMs, fetch, signal, baseUrl: document.baseURI, cache: pageCache });
}

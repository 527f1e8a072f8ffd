/**
 * Loading for the elements: the page-wide cache (one request per document URL and one per key
 * set, one verification per document, keys and pins, whatever the number of elements) over the
 * core's `loadPosture`. Each element's own `timeout` bounds its wait, verification included.
 */
import {
  expiredPosture,
  loadPosture,
  refuseRollback,
  RequestCache,
  type FetchLike,
  type LoadedPosture,
  type VerifiedPosture,
} from '../core/read.js';

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

/**
 * Loads and verifies `src`, then refuses it (`rolled-back`) when this browser already verified a
 * higher sequence of the same issuer's document at the same URL; otherwise remembers its sequence.
 */
export async function loadShared(src: string, options: ElementLoadOptions): Promise<LoadedPosture> {
  const { pin, keys, timeoutMs, fetch, signal } = options;
  const url = new URL(src, document.baseURI).href;
  try {
    const posture = await loadPosture(src, { pins: pin, keys, timeoutMs, fetch, signal, baseUrl: document.baseURI, cache: pageCache });
    checkSequence(posture, url);
    return posture;
  } catch (error) {
    // An expired document verified too: an older one is still a rollback, a newer one still counts.
    const expired = expiredPosture(error);
    if (expired) checkSequence(expired, url);
    throw error;
  }
}

/** The localStorage key of the highest sequence verified for a document (the page's origin scopes it). */
const sequenceKey = (posture: VerifiedPosture, url: string) => `trust-elements sequence ${JSON.stringify([posture.issuer, url])}`;

function checkSequence(posture: VerifiedPosture, url: string): void {
  const key = sequenceKey(posture, url);
  let highest: number | undefined;
  try {
    const stored = Number(localStorage.getItem(key) ?? NaN);
    highest = Number.isSafeInteger(stored) ? stored : undefined;
  } catch {
    // No storage (blocked, sandboxed, or it throws): nothing remembered, nothing refused.
  }
  refuseRollback(posture, highest);
  if (highest === undefined || posture.document.sequence > highest) {
    try {
      localStorage.setItem(key, String(posture.document.sequence));
    } catch {
      // Full or blocked: the next load simply remembers nothing.
    }
  }
}

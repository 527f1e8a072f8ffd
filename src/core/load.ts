/**
 * Fetching a signed posture document and its keys over the network, then verifying it.
 * Trust comes from the caller: pinned thumbprints, a JWKS URL the caller names, or else the
 * JWKS at the well-known path of the origin the document came from — never from a URL found
 * inside the unverified document.
 */
import type { RequestCache } from './cache.js';
import { PostureError } from './errors.js';
import { parsePins, pinsKey } from './pins.js';
import { DEFAULT_MAX_BYTES, verifyPosture, type VerifiedPosture } from './verify.js';
import { WELL_KNOWN_JWKS } from './schema.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_JWKS_BYTES = 64 * 1024;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface LoadOptions {
  /**
   * Key thumbprints (a list, or an attribute's space-separated text): when given, only these keys
   * are trusted; a list naming none, or a malformed one, trusts nothing (`pin-invalid`).
   */
  pins?: string | readonly string[];
  /** A JWKS URL to take keys from instead of the well-known path of the document's origin. */
  keys?: string;
  /** Base for relative URLs (a page's `document.baseURI`). */
  baseUrl?: string;
  fetch?: FetchLike;
  signal?: AbortSignal;
  /** Milliseconds for the whole load: both fetches and the verification. */
  timeoutMs?: number;
  maxBytes?: number;
  now?: Date;
  /**
   * A cache shared by every caller on a page: one request per URL, and one load and verification
   * per (document, keys, pins). Each caller still waits only its own `timeoutMs` and `signal`.
   */
  cache?: RequestCache;
}

export interface LoadedPosture extends VerifiedPosture {
  url: string;
  /** Where the keys came from: the key set's URL, or the document's own when it carried the pinned key. */
  keysUrl: string;
}

/** Where discovery looks for the keys of a document at `url`. */
export const discoveryUrl = (url: string | URL): string => new URL(WELL_KNOWN_JWKS, new URL(url).origin).href;

function resolve(url: string, base: string | undefined): URL {
  try {
    return new URL(url, base ?? (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    throw new PostureError('fetch-failed', `"${url}" is not a valid URL.`);
  }
}

/** Reads a response body, stopping (and cancelling the stream) as soon as it passes `maxBytes`. */
export async function readLimited(response: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new PostureError('too-large', `The ${what} is ${declared} bytes; the limit is ${maxBytes}.`);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PostureError('too-large', `The ${what} is larger than the limit of ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
}

// application/json or any application/…+json (jose+json, problem+json), with parameters; nothing after "json".
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Fetches a JSON resource as bytes with a timeout, a byte limit and a content-type check. */
export async function fetchJsonBytes(
  url: string,
  what: string,
  options: { fetch?: FetchLike; signal?: AbortSignal; timeoutMs?: number; maxBytes: number },
): Promise<Uint8Array> {
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  const fail = (error: unknown): never => {
    if (error instanceof PostureError) throw error;
    if (timedOut) throw new PostureError('timeout', `The ${what} did not arrive within ${Math.round(timeoutMs / 1000)} seconds (${url}).`);
    if (options.signal?.aborted) throw new PostureError('aborted', `Loading the ${what} was cancelled.`);
    throw new PostureError(
      'fetch-failed',
      `The ${what} could not be fetched from ${url}: the server is unreachable or does not allow this site to read it (CORS).`,
      { cause: error },
    );
  };
  try {
    const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
    const response = await doFetch(url, {
      signal: controller.signal,
      credentials: 'omit',
      redirect: 'follow',
      headers: { accept: 'application/json' },
    }).catch(fail);
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new PostureError(
        'http-status',
        `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for the ${what} (${url}).`,
      );
    }
    const type = response.headers.get('content-type') ?? '';
    if (!JSON_TYPE.test(type)) {
      await response.body?.cancel().catch(() => {});
      throw new PostureError('content-type', `The ${what} was served as "${type || 'no content type'}", not as JSON (${url}).`);
    }
    return await readLimited(response, options.maxBytes, what).catch(fail);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Fetches a signed posture document and its keys, and verifies it, all within `timeoutMs`
 * (the verification too, not only the fetches).
 */
export async function loadPosture(src: string, options: LoadOptions = {}): Promise<LoadedPosture> {
  const url = resolve(src, options.baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new PostureError('fetch-failed', `Only http(s) URLs can be loaded, not ${url.protocol}.`);
  // A pin list that is given but names no key trusts nothing: refused before anything is fetched.
  const pins = options.pins === undefined ? undefined : parsePins(options.pins);
  // Like an empty pin, a `keys` setting that is present but blank (a template's empty variable) names no
  // key set: it trusts nothing rather than falling back to discovery.
  if (options.keys !== undefined && options.keys.trim() === '') {
    throw new PostureError(
      'keys-invalid',
      "The keys setting is empty: it names no key set, so no key is trusted. Set it to the URL of the vendor's JWKS, or remove it to trust the keys published at the document's origin.",
    );
  }
  const keysUrl = options.keys !== undefined ? resolve(options.keys, options.baseUrl).href : discoveryUrl(url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { cache, fetch } = options;
  const getBytes = (target: string, what: string, maxBytes: number, signal?: AbortSignal) =>
    cache
      ? cache.use(`bytes ${target}`, (shared) => fetchJsonBytes(target, what, { fetch, signal: shared, timeoutMs, maxBytes }), signal)
      : fetchJsonBytes(target, what, { fetch, signal, timeoutMs, maxBytes });
  const load = async (signal?: AbortSignal): Promise<LoadedPosture> => {
    const fetchKeys = async () => new TextDecoder().decode(await getBytes(keysUrl, 'key set', MAX_JWKS_BYTES, signal));
    // With pins, the key set is fetched only when the file carries no keys (a partner's copy
    // needs none on its own origin); otherwise both are fetched at once.
    const [bytes, jwks] = await Promise.all([
      getBytes(url.href, 'signed document', options.maxBytes ?? DEFAULT_MAX_BYTES, signal),
      pins === undefined ? fetchKeys() : undefined,
    ]);
    // In discovery mode the keys speak for their origin only, so the document must name it as issuer.
    const discovery = options.keys === undefined && pins === undefined;
    const verified = await verifyPosture(bytes, {
      jwks,
      loadJwks: fetchKeys,
      pins,
      issuer: discovery ? url.origin : undefined,
      now: options.now,
      maxBytes: options.maxBytes,
    });
    return { ...verified, url: url.href, keysUrl: verified.keysFrom === 'document' ? url.href : keysUrl };
  };
  // Everything that decides trust is in the key, so two callers share a result only when they trust alike.
  const key = `posture ${JSON.stringify([url.href, options.keys !== undefined ? keysUrl : null, pins === undefined ? null : pinsKey(pins), options.maxBytes ?? null])}`;
  // This caller's own signal: aborted when it stops waiting (done, timed out or cancelled), so
  // shared work goes on only while some caller still waits for it.
  const caller = new AbortController();
  const stop = () => caller.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) stop();
  const work = cache ? cache.use(key, load, caller.signal) : load(caller.signal);
  // The shared load may have been started by a caller with a longer timeout: this one waits only its own.
  return withDeadline(
    work,
    timeoutMs,
    `The signed document could not be loaded and checked within ${Math.round(timeoutMs / 1000)} seconds (${url.href}).`,
  ).finally(() => {
    options.signal?.removeEventListener('abort', stop);
    stop();
  });
}

/** `work`, or a `timeout` refusal once `ms` have passed, whichever comes first. */
export function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PostureError('timeout', message)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

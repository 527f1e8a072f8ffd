/**
 * Every problem an element can report, and which visitor-facing explanation each gets. The map is
 * closed and exhaustive: a code added to the core or to an element that is not mapped here fails
 * the type check, instead of falling through to some default wording.
 */
import type { ErrorCode } from '../core/read.js';
import type { PostureProblem, PostureState } from './context.js';

/** Which explanation a visitor gets. `setup`: the page's own trust settings are wrong (a pin that is empty or malformed); only its owner can fix them. */
export type ProblemKind = 'network' | 'unverified' | 'rolledBack' | 'damaged' | 'clock' | 'browser' | 'expired' | 'missing' | 'setup';

/** The core's error codes and the elements' own. */
export type ProblemCode = ErrorCode | 'no-source' | 'trust-without-src' | 'unknown-control' | 'unknown-category' | 'render-failed';

const KINDS: Record<ProblemCode, ProblemKind> = {
  'fetch-failed': 'network',
  'http-status': 'network',
  timeout: 'network',
  'content-type': 'network',
  'no-source': 'network',
  'too-large': 'damaged',
  'not-json': 'damaged',
  'not-jws': 'damaged',
  'bad-base64url': 'damaged',
  'payload-not-utf8': 'damaged',
  'payload-not-json': 'damaged',
  'schema-invalid': 'damaged',
  // "in a format this page cannot read": the details say it was made for a newer version of trust-elements.
  'newer-version': 'damaged',
  'too-many-signatures': 'damaged',
  'render-failed': 'damaged',
  'header-refused': 'unverified',
  'alg-refused': 'unverified',
  'keys-invalid': 'unverified',
  'no-trusted-signature': 'unverified',
  'signature-invalid': 'unverified',
  'issuer-mismatch': 'unverified',
  // Never shown: an element drops a load it cancelled.
  aborted: 'unverified',
  // An older signed version than this browser already verified: a copy host or mirror went back.
  'rolled-back': 'rolledBack',
  'issued-in-future': 'clock',
  'ed25519-unsupported': 'browser',
  expired: 'expired',
  // The page's own trust settings are wrong: only its owner can fix them.
  'pin-invalid': 'setup',
  'trust-without-src': 'setup',
  'unknown-control': 'missing',
  'unknown-category': 'missing',
};

/** Which visitor-facing explanation a problem code gets; a code from elsewhere (another copy of the library, through context) is "not verified". */
export function problemKind(code: string): ProblemKind {
  return Object.hasOwn(KINDS, code) ? KINDS[code as ProblemCode] : 'unverified';
}

/**
 * How a problem looks: `unavailable` (the document could not be fetched: neutral grey, nothing
 * about the vendor is implied), `expired` (amber), or `unverified` (it failed its checks: red).
 */
export type ProblemLook = 'unavailable' | 'expired' | 'unverified';

export function problemLook(code: string): ProblemLook {
  const kind = problemKind(code);
  return kind === 'network' ? 'unavailable' : kind === 'expired' ? 'expired' : 'unverified';
}

/** The state a problem leaves an element in: `error` when nothing could be checked, `unverified` when the check failed. */
export function problemState(code: string): PostureState {
  const kind = problemKind(code);
  return kind === 'network' || kind === 'damaged' ? 'error' : 'unverified';
}

/** An element that has no document to show: no `src`, and no ancestor that has one. */
export const NO_SOURCE: PostureProblem = {
  code: 'no-source',
  message: 'No document: set the src attribute, or place the element inside one that has it.',
};

/** `pin` / `keys` on an element that shows its ancestor's document: refused, never silently ignored. */
export const TRUST_WITHOUT_SRC: PostureProblem = {
  code: 'trust-without-src',
  message:
    "pin and keys apply only to an element with its own src: this element shows its ancestor's document, which was checked against the ancestor's keys, not these. Set pin/keys on the ancestor, or give this element the same src.",
};

/** The problem an exception while rendering (or deriving what to render) becomes. */
export function renderFailed(error: unknown): PostureProblem {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'render-failed', message: `The document verified, but this element could not show it (${reason}).` };
}

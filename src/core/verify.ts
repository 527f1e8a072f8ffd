/**
 * Verifying a posture document: the one code path that browsers, Node and the CLI all use. Verification fails closed: the payload is parsed only after a signature by a
 * trusted key verified, and only from exactly the verified bytes.
 */
import { announcedPins, announcementsOf } from './announce.js';
import { fromUtf8, utf8 } from './base64url.js';
import { PostureError } from './errors.js';
import { headersOf, signedByText, verifyJws } from './jws.js';
import { trustedKeys, type TrustedKey } from './keys.js';
import { parsePins } from './pins.js';
import type { PostureDocument } from './schema.js';
import { validatePosture } from './validate.js';

/** The protected `typ` of every posture signature (RFC 8725 §3.11 explicit typing). */
export const POSTURE_TYP = 'trust-posture+json';
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_CLOCK_SKEW_SECONDS = 300;

export interface VerifyOptions {
  /** The trusted keys: a JWKS (object or JSON text); with `pins`, only keys with those thumbprints. */
  jwks?: unknown;
  /**
   * Gets the JWKS when it is needed and `jwks` is not given: with `pins`, only when the file
   * carries no keys of its own (a partner's copy then needs no key set of its own).
   */
  loadJwks?: () => Promise<unknown>;
  /** Key thumbprints to trust. When given, it must name at least one (`[]` trusts nothing: `pin-invalid`). */
  pins?: readonly string[];
  /** When set, the document's `issuer` must equal this origin (discovery mode sets it). */
  issuer?: string;
  /** Clock to judge `issued` and `expires` by; an invalid Date throws a RangeError. */
  now?: Date;
  clockSkewSeconds?: number;
  maxBytes?: number;
}

/** `expired`: the document verified, but is out of date; callers may still show it, marked. */
export class PostureExpiredError extends PostureError {
  constructor(
    message: string,
    readonly verified: VerifiedPosture,
  ) {
    super('expired', message);
  }
}

/** The verified but out-of-date posture behind an `expired` error, if that is what `error` is. */
export const expiredPosture = (error: unknown): VerifiedPosture | undefined =>
  error instanceof PostureExpiredError ? error.verified : undefined;

export interface VerifiedPosture {
  document: PostureDocument;
  /** Keys whose signatures verified; the first is shown as the signer. */
  signers: TrustedKey[];
  issuer: string;
  issued: Date;
  expires: Date;
  /** The exact payload bytes that were signed. */
  payload: Uint8Array;
  /** Where the trusted keys came from: the document's own bundle (pinned keys only) or a key set. */
  keysFrom: 'document' | 'key set';
  /**
   * What decided trust, and so what the verification proves: a `pin` (the pinned key signed), a
   * `keys` set the reader named, or the `issuer` origin's own key set (discovery), the only mode
   * in which the issuer's domain is proven rather than claimed by the key holder.
   */
  trustedBy: 'pin' | 'keys' | 'issuer';
  /** With a pin: no pinned key signed; a next key did, announced by a pinned one (rotation). */
  announced?: true;
}

const BOM = '\ufeff';
// A compact JWS (RFC 7515 §7.1): three base64url parts separated by dots.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

/**
 * Parses a file's text. A leading byte-order mark is skipped (editors add one; it is not part of
 * the JSON), and a compact JWS is returned as its text for toGeneralJws to read.
 */
function parseFile(text: string | undefined, what: string): unknown {
  if (text === undefined) throw new PostureError('not-json', `The ${what} is not valid UTF-8 text.`);
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (COMPACT_JWS.test(body.trim())) return body.trim();
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new PostureError('not-json', `The ${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Parses the signed content: exactly the signed bytes, so a byte-order mark is refused by name. */
function parsePayload(text: string | undefined): unknown {
  if (text === undefined) throw new PostureError('payload-not-utf8', 'The signed content is not valid UTF-8 text.');
  if (text.startsWith(BOM))
    throw new PostureError(
      'payload-not-json',
      'The signed content starts with a byte-order mark (U+FEFF), which JSON does not allow: sign the JSON text without it.',
    );
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PostureError('payload-not-json', `The signed content is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The public keys a published file carries beside its signatures (the unsigned top-level `jwks`,
 * written by `trust-elements sign`), or undefined when it carries none. Only pins (and what they
 * announce) may select among them: the pin, not the file, decides trust. A bundle with a private
 * or weak key is refused as a JWKS is.
 */
async function bundledKeys(outer: unknown): Promise<TrustedKey[] | undefined> {
  const bundle = typeof outer === 'object' && outer !== null ? (outer as { jwks?: unknown }).jwks : undefined;
  if (bundle === undefined) return undefined;
  try {
    return await trustedKeys(bundle);
  } catch (error) {
    if (error instanceof PostureError) throw new PostureError(error.code, `In the keys the document carries: ${error.message}`);
    throw error;
  }
}

const byteLength = (input: Uint8Array | string) => (typeof input === 'string' ? utf8(input).length : input.length);

/** Verifies a signed posture document (the bytes of the published file) against trusted keys. */
export async function verifyPosture(input: Uint8Array | string, options: VerifyOptions): Promise<VerifiedPosture> {
  // A clock that is not a date would switch the expiry checks off: refuse it instead.
  if (options.now !== undefined && !(options.now instanceof Date && Number.isFinite(options.now.getTime()))) {
    throw new RangeError('verifyPosture: "now" is not a valid Date.');
  }
  // A pin list that is given but names no key trusts nothing (it never widens to every key).
  const pins = options.pins === undefined ? undefined : parsePins(options.pins);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = byteLength(input);
  if (size > maxBytes) throw new PostureError('too-large', `The document is ${size} bytes; the limit is ${maxBytes}.`);

  const outer = parseFile(typeof input === 'string' ? input : fromUtf8(input), 'document');
  const now = (options.now ?? new Date()).getTime();
  const skew = (options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS) * 1000;
  // Announcements count only with pins; too many are refused before any key is read.
  const announcements = pins ? announcementsOf(outer) : [];
  // With pins, the keys a file carries decide trust by their thumbprints alone (the signer bundles
  // every signing key, so a pinned key missing there did not sign); a file without any uses the key set.
  const bundle = pins ? await bundledKeys(outer) : undefined;
  const keysFrom = bundle ? 'document' : 'key set';
  let keys = bundle;
  if (!keys) {
    const source = options.jwks !== undefined ? options.jwks : await options.loadJwks?.();
    keys = await trustedKeys(typeof source === 'string' ? parseFile(source, 'key set') : source);
  }
  // A pin also trusts the next keys it announced, in announcements signed by a trusted key (rotation).
  if (pins) {
    const trusted = await announcedPins(announcements, keys, pins, now, skew);
    keys = keys.filter((k) => trusted.includes(k.thumbprint));
  }
  if (keys.length === 0) {
    throw new PostureError(
      'no-trusted-signature',
      pins
        ? `None of the pinned keys is ${keysFrom === 'document' ? 'among the keys the document carries' : 'in the key set'}: the document cannot be trusted.${signedByText(headersOf(outer))}`
        : 'The key set has no usable Ed25519 or P-256 key.',
    );
  }
  const verified = await verifyJws(outer, keys, { typ: POSTURE_TYP });

  const json = parsePayload(fromUtf8(verified.payload));
  const result = validatePosture(json);
  if (!result.ok) {
    const first = result.issues[0]!;
    if (result.newer) throw new PostureError('newer-version', `The document's ${first.path} ${first.message}.`, { issues: result.issues });
    throw new PostureError(
      'schema-invalid',
      `The signed content is not a valid posture document: ${first.path} ${first.message}${result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : ''}.`,
      { issues: result.issues },
    );
  }
  const document = result.document;
  if (options.issuer !== undefined && document.issuer !== options.issuer) {
    throw new PostureError(
      'issuer-mismatch',
      `The document says it is issued by ${document.issuer}, but its keys came from ${options.issuer}.`,
    );
  }
  const posture: VerifiedPosture = {
    document,
    signers: verified.signers,
    issuer: document.issuer,
    issued: new Date(document.issued),
    expires: new Date(document.expires),
    payload: verified.payload,
    keysFrom,
    trustedBy: pins ? 'pin' : options.issuer !== undefined ? 'issuer' : 'keys',
  };
  if (pins && !verified.signers.some((k) => pins.includes(k.thumbprint))) posture.announced = true;
  if (posture.issued.getTime() > now + skew) {
    throw new PostureError('issued-in-future', `The document is dated ${document.issued}, in the future: check this device's clock.`);
  }
  if (posture.expires.getTime() <= now) {
    throw new PostureExpiredError(`The document expired on ${document.expires}; the publisher has not published a newer one.`, posture);
  }
  return posture;
}

/**
 * Refuses `posture` (`rolled-back`) when its sequence is lower than `highest`, the highest this
 * reader already verified for the same issuer and document: an older signed version, served by a
 * copy host or a mirror, must not replace a newer one until it expires.
 */
export function refuseRollback(posture: VerifiedPosture, highest: number | undefined): void {
  if (highest !== undefined && posture.document.sequence < highest) {
    throw new PostureError(
      'rolled-back',
      `This is sequence ${posture.document.sequence} of the document, but sequence ${highest} was already verified here: an older version is being served in place of a newer one.`,
    );
  }
}

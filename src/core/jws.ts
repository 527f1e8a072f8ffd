/**
 * JWS (RFC 7515) in the General JSON Serialization, verified over the exact payload bytes
 * (signing is in `sign.ts`, which nothing on the verify path imports).
 * Also reads the flattened and compact serializations, so that any JOSE library's output works.
 */
import { decode, fromUtf8, utf8 } from './base64url.js';
import { PostureError } from './errors.js';
import { escapeForDisplay } from './pins.js';
import { verifyBytes } from './crypto/verify.js';
import { HEADER_ALGS, type Jwks, type TrustedKey } from './keys.js';

export interface JwsSignature {
  protected: string;
  signature: string;
  header?: Record<string, unknown>;
}

export interface GeneralJws {
  payload: string;
  signatures: JwsSignature[];
  /**
   * The signers' public keys, unsigned, beside the signatures: read only by a reader that pins
   * them (see verifyPosture); never a reason to trust a key.
   */
  jwks?: Jwks;
  /** Key announcements (compact JWS, see announce.ts), unsigned beside the signatures: each is checked on its own. */
  announcements?: string[];
}

/** Header parameters that would let a document choose its own key or change how it is read. */
export const REFUSED_HEADER_PARAMS = ['jku', 'jwk', 'x5u', 'x5c', 'b64', 'crit'] as const; // b64 before crit: it names the real reason

/**
 * The most signatures one document may carry. Key rotation and two algorithms need a few; a cap
 * bounds the work a hostile document can ask for, and is checked before any cryptography.
 */
export const MAX_SIGNATURES = 16;

/** Why a refused header parameter is refused, in words a vendor understands (jku, jwk, x5u, x5c: the default). */
const REFUSAL_REASON: Partial<Record<(typeof REFUSED_HEADER_PARAMS)[number], string>> = {
  crit: 'no critical extensions are supported',
  b64: 'unencoded payloads (RFC 7797) are not supported; sign the base64url-encoded payload',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads any JWS serialization into the general form; throws `not-jws` when it is none. */
export function toGeneralJws(input: unknown): GeneralJws {
  const notJws = (why: string) => new PostureError('not-jws', `This is not a signed document (JWS): ${why}.`);
  if (typeof input === 'string') {
    const parts = input.trim().split('.');
    if (parts.length !== 3) throw notJws('a compact JWS has three parts separated by dots');
    return { payload: parts[1]!, signatures: [{ protected: parts[0]!, signature: parts[2]! }] };
  }
  if (!isObject(input)) throw notJws('expected a JSON object with "payload" and "signatures"');
  if (typeof input.payload !== 'string') throw notJws('it has no "payload" string');
  const raw = Array.isArray(input.signatures) ? input.signatures : 'signature' in input ? [input] : undefined;
  if (!raw || raw.length === 0) throw notJws('it has no signatures');
  const signatures = raw.map((s): JwsSignature => {
    if (!isObject(s) || typeof s.protected !== 'string' || typeof s.signature !== 'string') {
      throw notJws('each signature needs "protected" and "signature" strings');
    }
    if (s.header !== undefined && !isObject(s.header)) throw notJws('an unprotected "header" must be an object');
    return s.header === undefined
      ? { protected: s.protected, signature: s.signature }
      : { protected: s.protected, signature: s.signature, header: s.header };
  });
  return { payload: input.payload, signatures };
}

export function decodeProtectedHeader(sig: JwsSignature): Record<string, unknown> {
  const text = fromUtf8(decode(sig.protected, 'protected header'));
  let header: unknown;
  try {
    header = text === undefined ? undefined : JSON.parse(text);
  } catch {
    header = undefined;
  }
  if (!isObject(header)) throw new PostureError('not-jws', "A signature's protected header is not a JSON object.");
  return header;
}

export interface VerifiedJws {
  /** Exactly the bytes that were signed. */
  payload: Uint8Array;
  /** The trusted keys whose signatures verified. */
  signers: TrustedKey[];
  headers: Record<string, unknown>[];
}

export interface VerifyJwsOptions {
  /** When set, each signature's protected `typ` must equal it. */
  typ?: string;
}

/**
 * Verifies a JWS against trusted keys. The work is bounded before any cryptography: at most
 * MAX_SIGNATURES signatures, and each is checked with at most one key. A signature with a
 * protected `kid` counts when the kid names a trusted key (a kid naming no trusted key costs
 * nothing); its `alg` must be one that key is for, and it must verify. A signature without a kid
 * is checked only when exactly one trusted key has its algorithm; otherwise it does not count.
 * At least one signature must count.
 */
export async function verifyJws(input: unknown, keys: readonly TrustedKey[], options: VerifyJwsOptions = {}): Promise<VerifiedJws> {
  const jws = toGeneralJws(input);
  if (jws.signatures.length > MAX_SIGNATURES) {
    throw new PostureError(
      'too-many-signatures',
      `The document carries ${jws.signatures.length} signatures; at most ${MAX_SIGNATURES} are accepted.`,
    );
  }
  // Every header is read and judged before the payload is decoded or any signature checked.
  const headers = jws.signatures.map((sig) => checkedHeader(sig, options));
  const payload = decode(jws.payload, 'payload');
  const signers: TrustedKey[] = [];
  const signerHeaders: Record<string, unknown>[] = [];
  let unsupported = 0;
  let ambiguous = 0;
  for (const [i, sig] of jws.signatures.entries()) {
    const header = headers[i]!;
    const alg = header.alg as string;
    let key: TrustedKey | undefined;
    if (header.kid === undefined) {
      // No key id (as in RFC 8037's example): only an unambiguous choice of key is tried.
      const candidates = keys.filter((k) => HEADER_ALGS[k.alg].includes(alg));
      if (candidates.length > 1) ambiguous++;
      if (candidates.length !== 1) continue;
      key = candidates[0]!;
    } else {
      key = keys.find((k) => k.thumbprint === header.kid);
      if (!key) continue;
      if (!HEADER_ALGS[key.alg].includes(alg)) {
        throw new PostureError(
          'alg-refused',
          `A signature claims the algorithm "${alg}", but its key is an ${key.alg === 'EdDSA' ? 'Ed25519' : 'ES256 (P-256)'} key: refused.`,
        );
      }
    }
    const ok = await verifyBytes(key, utf8(`${sig.protected}.${jws.payload}`), decode(sig.signature, 'signature'));
    if (ok === undefined) unsupported++;
    else if (ok) {
      signers.push(key);
      signerHeaders.push(header);
    } else if (header.kid !== undefined) {
      throw new PostureError(
        'signature-invalid',
        `The signature by key ${key.thumbprint} does not match the document: it was changed after signing, or signed with another key.`,
      );
    }
  }
  if (signers.length === 0) {
    if (unsupported > 0) {
      throw new PostureError(
        'ed25519-unsupported',
        'This browser cannot check Ed25519 signatures (it needs Chrome 137, Firefox 129, Safari 17 or later), and the document carries no ES256 signature by a trusted key. Update the browser, or ask the publisher to add an ES256 signature.',
      );
    }
    throw new PostureError(
      'no-trusted-signature',
      keys.length === 0
        ? 'No trusted key is available to check the document with.'
        : ambiguous > 0
          ? `The document is not signed by any trusted key. ${ambiguous === 1 ? 'One signature has' : `${ambiguous} signatures have`} no key id ("kid") while several trusted keys share its algorithm, so it was not checked: sign with a kid.`
          : `The document is not signed by any trusted key.${signedByText(headers)}`,
    );
  }
  return { payload, signers, headers: signerHeaders };
}

/** The key ids shown in one error message, at most; each is cut to a thumbprint's length and a little. */
const MAX_KIDS_SHOWN = 4;

/**
 * " It is signed by key K1, K2." — the protected key ids of a document no trusted key signed, so
 * that a partner knows what to pin (text from the document: escaped, bounded); "" when none.
 */
export function signedByText(headers: readonly Record<string, unknown>[]): string {
  const kids = [...new Set(headers.map((h) => h.kid).filter((kid): kid is string => typeof kid === 'string'))];
  if (kids.length === 0) return '';
  const shown = kids.slice(0, MAX_KIDS_SHOWN).map((kid) => escapeForDisplay(kid.length > 48 ? `${kid.slice(0, 45)}…` : kid));
  const more = kids.length > MAX_KIDS_SHOWN ? ` and ${kids.length - MAX_KIDS_SHOWN} more` : '';
  return ` It is signed by key${kids.length > 1 ? 's' : ''} ${shown.join(', ')}${more}.`;
}

/** The protected headers of a JWS, for messages only: none when it cannot be read. */
export function headersOf(input: unknown): Record<string, unknown>[] {
  try {
    return toGeneralJws(input).signatures.slice(0, MAX_SIGNATURES).map(decodeProtectedHeader);
  } catch {
    return [];
  }
}

/** A signature's protected header, once it is known to ask for nothing refused. */
function checkedHeader(sig: JwsSignature, options: VerifyJwsOptions): Record<string, unknown> {
  const header = decodeProtectedHeader(sig);
  for (const name of REFUSED_HEADER_PARAMS) {
    if (name in header || (sig.header && name in sig.header)) {
      throw new PostureError(
        'header-refused',
        `A signature uses the header parameter "${name}", which is refused: ${REFUSAL_REASON[name] ?? "keys come from the reader's trust settings, never from the document"}.`,
      );
    }
  }
  if (sig.header && ('alg' in sig.header || 'kid' in sig.header)) {
    throw new PostureError('header-refused', 'A signature puts "alg" or "kid" in its unprotected header; they must be protected.');
  }
  const alg = header.alg;
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none') {
    throw new PostureError(
      'alg-refused',
      `A signature's algorithm ${JSON.stringify(alg ?? null)} is refused: only EdDSA (Ed25519) and ES256 are accepted.`,
    );
  }
  if (options.typ !== undefined && header.typ !== options.typ) {
    throw new PostureError(
      'header-refused',
      `A signature's "typ" is ${JSON.stringify(header.typ ?? null)}, not "${options.typ}": this is not a posture document.`,
    );
  }
  return header;
}

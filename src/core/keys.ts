/**
 * Public keys: which JWKs are acceptable (weak keys refused), their RFC 7638 thumbprints (the
 * key ids and pins), and the trusted set read from a JWKS. The algorithm of a key is decided
 * here, by the key itself — never by a signature's header.
 */
import { decode, encode, utf8 } from './base64url.js';
import { sha256, type Algorithm } from './crypto/subtle.js';
import { PostureError } from './errors.js';

export type { Algorithm };
export const ALGORITHMS: readonly Algorithm[] = ['EdDSA', 'ES256'];

export interface PublicJwk {
  kty: 'OKP' | 'EC';
  crv: 'Ed25519' | 'P-256';
  x: string;
  y?: string;
  kid?: string;
  alg?: string;
  use?: string;
}

export interface Jwks {
  keys: PublicJwk[];
}

/** A key the caller trusts, ready to verify with. */
export interface TrustedKey {
  thumbprint: string;
  alg: Algorithm;
  jwk: PublicJwk;
}

/** Members that only a private (or symmetric) JWK has. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** Header `alg` names accepted for each key algorithm (RFC 8037 EdDSA, RFC 9864 Ed25519). */
export const HEADER_ALGS: Record<Algorithm, readonly string[]> = { EdDSA: ['EdDSA', 'Ed25519'], ES256: ['ES256'] };

export function isCoordinate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return decode(value).length === 32;
  } catch {
    return false;
  }
}

/** The unsigned integer that `bytes` spell, in the given byte order. */
export const bigIntOf = (bytes: Uint8Array, littleEndian: boolean): bigint => {
  let n = 0n;
  for (let i = 0; i < bytes.length; i++) n = (n << 8n) | BigInt(bytes[littleEndian ? bytes.length - 1 - i : i]!);
  return n;
};

const ED25519_P = 2n ** 255n - 19n;
// The y coordinates of the 8 points of small order (RFC 8032 §5.1; "Taming the many EdDSAs", 2020):
// identity (1), order 2 (p-1), order 4 (0, with either sign of x) and order 8 (±y8, either sign).
const ED25519_Y8 = 0x7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7n;
const ED25519_SMALL_ORDER_Y = new Set([1n, ED25519_P - 1n, 0n, ED25519_Y8, ED25519_P - ED25519_Y8]);

/**
 * Why an Ed25519 public key must not be trusted, or undefined when it may be: its y must be below
 * p (one encoding per key) and must not be a point of small order, with which a signature
 * (R = that point, S = 0) verifies over any content.
 */
export function ed25519KeyWeakness(x: Uint8Array): string | undefined {
  const y = bigIntOf(x, true) & ((1n << 255n) - 1n); // the top bit is the sign of x
  if (y >= ED25519_P) return 'its encoding is not canonical (y is not below p)';
  if (ED25519_SMALL_ORDER_Y.has(y)) return 'it is a point of small order, which would verify a forged signature over any content';
  return undefined;
}

const P256_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const P256_B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

/**
 * Why a P-256 public key must not be trusted, or undefined when it may be: both coordinates below p
 * and on the curve y² = x³ − 3x + b (the point at infinity has no such coordinates).
 */
export function p256KeyWeakness(xBytes: Uint8Array, yBytes: Uint8Array): string | undefined {
  const x = bigIntOf(xBytes, false);
  const y = bigIntOf(yBytes, false);
  if (x >= P256_P || y >= P256_P) return 'a coordinate is not below p';
  const mod = (n: bigint) => ((n % P256_P) + P256_P) % P256_P;
  if (mod(y * y) !== mod(x * x * x - 3n * x + P256_B)) return 'the point is not on the curve';
  return undefined;
}

/** The algorithm a public JWK is for, or undefined when this library does not use such keys. */
export function keyAlgorithm(jwk: Record<string, unknown>): Algorithm | undefined {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && isCoordinate(jwk.x)) {
    return jwk.alg === undefined || jwk.alg === 'EdDSA' || jwk.alg === 'Ed25519' ? 'EdDSA' : undefined;
  }
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && isCoordinate(jwk.x) && isCoordinate(jwk.y)) {
    return jwk.alg === undefined || jwk.alg === 'ES256' ? 'ES256' : undefined;
  }
  return undefined;
}

/** RFC 7638 thumbprint (SHA-256, base64url) of a public key: its key id and its pin. */
export async function thumbprint(jwk: Pick<PublicJwk, 'kty' | 'crv' | 'x' | 'y'>): Promise<string> {
  // Required members only, in lexicographic order, no white space (RFC 7638 §3.2): JSON.stringify keeps the order written.
  const { crv, kty, x, y } = jwk;
  return encode(await sha256(utf8(JSON.stringify(kty === 'EC' ? { crv, kty, x, y } : { crv, kty, x }))));
}

/**
 * The keys of a JWKS that may be trusted: a key with a private member makes the whole set
 * refused (someone published a secret), and so does a weak public key; keys of other types are
 * skipped; `pins`, when given (even empty), keep only the keys with those thumbprints.
 */
export async function trustedKeys(jwks: unknown, pins?: readonly string[]): Promise<TrustedKey[]> {
  const entries = (jwks as { keys?: unknown } | null)?.keys;
  if (typeof jwks !== 'object' || jwks === null || !Array.isArray(entries)) {
    throw new PostureError('keys-invalid', 'The key set is not a JWKS: it needs a "keys" array.');
  }
  const keys: TrustedKey[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const jwk = entry as Record<string, unknown>;
    if (PRIVATE_MEMBERS.some((m) => m in jwk)) {
      throw new PostureError(
        'keys-invalid',
        'The key set contains a private or secret key: it is refused. Publish public keys only, and replace the leaked key.',
      );
    }
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) continue;
    const alg = keyAlgorithm(jwk);
    if (!alg) continue;
    const weakness =
      alg === 'EdDSA' ? ed25519KeyWeakness(decode(jwk.x as string)) : p256KeyWeakness(decode(jwk.x as string), decode(jwk.y as string));
    if (weakness) {
      throw new PostureError(
        'keys-invalid',
        `The key set holds an ${alg === 'EdDSA' ? 'Ed25519' : 'P-256'} key that is refused: ${weakness}.`,
      );
    }
    const pub: PublicJwk =
      alg === 'ES256'
        ? { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string }
        : { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string };
    const id = await thumbprint(pub);
    if (pins && !pins.includes(id)) continue; // an empty pin list trusts nothing
    if (!keys.some((k) => k.thumbprint === id)) keys.push({ thumbprint: id, alg, jwk: pub });
  }
  return keys;
}

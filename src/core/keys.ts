/**
 * Public keys: which JWKs are acceptable, their RFC 7638 thumbprints (the key ids and pins),
 * import into WebCrypto, and key generation for signers. The algorithm of a key is decided
 * here, by the key itself — never by a signature's header.
 */
import { decode, encode, utf8 } from './base64url.js';
import { PostureError } from './errors.js';

export type Algorithm = 'EdDSA' | 'ES256';
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

export const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new PostureError('signature-invalid', 'This environment has no WebCrypto (crypto.subtle): it cannot check signatures. Pages must be served over https.');
  return s;
};

function isCoordinate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return decode(value).length === 32;
  } catch {
    return false;
  }
}

const bigIntOf = (bytes: Uint8Array, littleEndian: boolean): bigint => {
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
  // Required members only, in lexicographic order, no white space (RFC 7638 §3.2).
  const canonical =
    jwk.kty === 'EC'
      ? `{"crv":${JSON.stringify(jwk.crv)},"kty":"EC","x":${JSON.stringify(jwk.x)},"y":${JSON.stringify(jwk.y)}}`
      : `{"crv":${JSON.stringify(jwk.crv)},"kty":${JSON.stringify(jwk.kty)},"x":${JSON.stringify(jwk.x)}}`;
  return encode(new Uint8Array(await subtle().digest('SHA-256', utf8(canonical) as BufferSource)));
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
      throw new PostureError('keys-invalid', 'The key set contains a private or secret key: it is refused. Publish public keys only, and replace the leaked key.');
    }
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) continue;
    const alg = keyAlgorithm(jwk);
    if (!alg) continue;
    const weakness = alg === 'EdDSA' ? ed25519KeyWeakness(decode(jwk.x as string)) : p256KeyWeakness(decode(jwk.x as string), decode(jwk.y as string));
    if (weakness) {
      throw new PostureError('keys-invalid', `The key set holds an ${alg === 'EdDSA' ? 'Ed25519' : 'P-256'} key that is refused: ${weakness}.`);
    }
    const pub: PublicJwk = alg === 'ES256'
      ? { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string }
      : { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string };
    const id = await thumbprint(pub);
    if (pins && !pins.includes(id)) continue; // an empty pin list trusts nothing
    if (!keys.some((k) => k.thumbprint === id)) keys.push({ thumbprint: id, alg, jwk: pub });
  }
  return keys;
}

const cryptoKeys = new WeakMap<TrustedKey, Promise<CryptoKey>>();

export const webCryptoAlgorithm = (alg: Algorithm) =>
  alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

/** Imports a trusted key for verification; `undefined` when this engine lacks the algorithm. */
export function importVerifyKey(key: TrustedKey): Promise<CryptoKey | undefined> {
  let imported = cryptoKeys.get(key);
  if (!imported) {
    const { kty, crv, x, y } = key.jwk;
    const jwk: JsonWebKey = y === undefined ? { kty, crv, x } : { kty, crv, x, y };
    imported = subtle().importKey('jwk', jwk, webCryptoAlgorithm(key.alg), false, ['verify']);
    cryptoKeys.set(key, imported);
  }
  return imported.then(
    (k) => k,
    (error: unknown) => {
      if (key.alg === 'EdDSA' && (error as { name?: string })?.name === 'NotSupportedError') return undefined;
      throw new PostureError('keys-invalid', `A trusted key could not be loaded: ${(error as Error)?.message ?? error}`, { cause: error });
    },
  );
}

// ---------------------------------------------------------------------------
// Signers (the CLI and tests): key generation and private keys

export interface PrivateJwk extends PublicJwk {
  d: string;
}

export interface SigningKey {
  alg: Algorithm;
  kid: string;
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
}

/** Makes a new key pair; the private JWK holds `d` and must be kept secret. */
export async function generateSigningKey(alg: Algorithm = 'EdDSA'): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> {
  const pair = (await subtle().generateKey(webCryptoAlgorithm(alg) as EcKeyGenParams, true, ['sign', 'verify'])) as CryptoKeyPair;
  const exported = (await subtle().exportKey('jwk', pair.privateKey)) as Record<string, string>;
  const publicJwk = await publicJwkOf(exported);
  return { privateJwk: { ...publicJwk, d: exported.d! }, publicJwk };
}

async function publicJwkOf(jwk: Record<string, unknown>): Promise<PublicJwk> {
  const alg = keyAlgorithm(jwk);
  if (!alg) throw new PostureError('keys-invalid', 'The key is neither an Ed25519 (OKP) nor a P-256 (EC) key.');
  const base: PublicJwk = alg === 'ES256'
    ? { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string }
    : { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string };
  return { ...base, kid: await thumbprint(base), alg, use: 'sig' };
}

/** Loads a private JWK (as written by `generateSigningKey`) for signing. */
export async function importSigningKey(jwk: unknown): Promise<SigningKey> {
  if (typeof jwk !== 'object' || jwk === null) throw new PostureError('keys-invalid', 'The private key is not a JWK object.');
  const record = jwk as Record<string, unknown>;
  if (!isCoordinate(record.d)) throw new PostureError('keys-invalid', 'The key has no valid private part ("d"): it is a public key, not a signing key.');
  const publicJwk = await publicJwkOf(record);
  const alg = publicJwk.alg as Algorithm;
  const { kty, crv, x, y, d } = record as unknown as PrivateJwk;
  const importable: JsonWebKey = y === undefined ? { kty, crv, x, d } : { kty, crv, x, y, d };
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle().importKey('jwk', importable, webCryptoAlgorithm(alg), false, ['sign']);
  } catch (error) {
    throw new PostureError('keys-invalid', `The private key could not be loaded: ${(error as Error).message}`, { cause: error });
  }
  return { alg, kid: publicJwk.kid!, privateKey, publicJwk };
}

export async function signBytes(key: SigningKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign(webCryptoAlgorithm(key.alg), key.privateKey, data as BufferSource));
}

/**
 * Signers' WebCrypto (the CLI and tests): key generation, private keys and signing bytes.
 * Nothing on the browser's verify path imports this module.
 */
import { PostureError } from '../errors.js';
import { isCoordinate, keyAlgorithm, thumbprint, type Algorithm, type PublicJwk } from '../keys.js';
import { subtle, webCryptoAlgorithm } from './subtle.js';

export interface PrivateJwk extends PublicJwk {
  d: string;
}

export interface SigningKey {
  alg: Algorithm;
  kid: string;
  /** The private key; absent for an external signer (`sign`). */
  privateKey?: CryptoKey;
  /** An external signer (a KMS, an HSM, an agent): returns the JWS signature of `data` (64 bytes). */
  sign?: (data: Uint8Array) => Promise<Uint8Array>;
  publicJwk: PublicJwk;
}

/**
 * How many times a key generation the engine refused is tried again. WebKitGTK's Ed25519 refuses
 * about 0.8% of fresh keys (those whose key material starts with a zero byte, WebKit bug 307095)
 * with an OperationError; a new draw succeeds. Eight refusals in a row happen once in 10^17.
 */
export const GENERATE_ATTEMPTS = 8;

/** Makes a new key pair; the private JWK holds `d` and must be kept secret. */
export async function generateSigningKey(alg: Algorithm = 'EdDSA'): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> {
  let pair: CryptoKeyPair | undefined;
  for (let attempt = 1; !pair; attempt++) {
    try {
      pair = (await subtle().generateKey(webCryptoAlgorithm(alg) as EcKeyGenParams, true, ['sign', 'verify'])) as CryptoKeyPair;
    } catch (error) {
      if ((error as Error)?.name !== 'OperationError' || attempt >= GENERATE_ATTEMPTS) throw error;
    }
  }
  const exported = (await subtle().exportKey('jwk', pair.privateKey)) as Record<string, string>;
  const publicJwk = await publicJwkOf(exported);
  return { privateJwk: { ...publicJwk, d: exported.d! }, publicJwk };
}

async function publicJwkOf(jwk: Record<string, unknown>): Promise<PublicJwk> {
  const alg = keyAlgorithm(jwk);
  if (!alg) throw new PostureError('keys-invalid', 'The key is neither an Ed25519 (OKP) nor a P-256 (EC) key.');
  const base: PublicJwk =
    alg === 'ES256'
      ? { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string }
      : { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string };
  return { ...base, kid: await thumbprint(base), alg, use: 'sig' };
}

/** Loads a private JWK (as written by `generateSigningKey`) for signing. */
export async function importSigningKey(jwk: unknown): Promise<SigningKey> {
  if (typeof jwk !== 'object' || jwk === null) throw new PostureError('keys-invalid', 'The private key is not a JWK object.');
  const record = jwk as Record<string, unknown>;
  if (!isCoordinate(record.d))
    throw new PostureError('keys-invalid', 'The key has no valid private part ("d"): it is a public key, not a signing key.');
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
  if (key.sign) return key.sign(data);
  if (!key.privateKey) throw new PostureError('keys-invalid', `The key ${key.kid} has neither a private key nor a signer.`);
  return new Uint8Array(await subtle().sign(webCryptoAlgorithm(key.alg), key.privateKey, data as BufferSource));
}

/**
 * Signature checks with WebCrypto: importing a trusted public key (once per key) and verifying
 * one signature with it, after the RFC 8032 S < L check that not every engine makes itself.
 */
import { PostureError } from '../errors.js';
import type { TrustedKey } from '../keys.js';
import { subtle, webCryptoAlgorithm } from './subtle.js';

const cryptoKeys = new WeakMap<TrustedKey, Promise<CryptoKey>>();

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

// Group order of edwards25519, little-endian, for the RFC 8032 §5.1.7 check S < L.
const ED25519_L = [
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0x10,
];

/** RFC 8032 §5.1.7: the S half of an Ed25519 signature (bytes 32–63) must be below L. Exported for tests. */
export function ed25519ScalarIsCanonical(sig: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const s = sig[32 + i]!;
    if (s !== ED25519_L[i]) return s < ED25519_L[i]!;
  }
  return false; // S == L
}

/**
 * Checks one signature with one trusted key: `true` or `false`, or `undefined` when this engine
 * cannot check the key's algorithm (Ed25519 before Chrome 137, Firefox 129, Safari 17).
 */
export async function verifyBytes(key: TrustedKey, data: Uint8Array, signature: Uint8Array): Promise<boolean | undefined> {
  if (signature.length !== 64) return false;
  if (key.alg === 'EdDSA' && !ed25519ScalarIsCanonical(signature)) return false;
  const cryptoKey = await importVerifyKey(key);
  if (!cryptoKey) return undefined;
  try {
    return await subtle().verify(webCryptoAlgorithm(key.alg), cryptoKey, signature as BufferSource, data as BufferSource);
  } catch (error) {
    if (key.alg === 'EdDSA' && (error as { name?: string })?.name === 'NotSupportedError') return undefined;
    return false;
  }
}

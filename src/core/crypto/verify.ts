/**
 * Signature checks with WebCrypto: importing a trusted public key (once per key) and verifying
 * one signature with it, after the RFC 8032 S < L check that not every engine makes itself.
 */
import { PostureError } from '../errors.js';
import { bigIntOf, type TrustedKey } from '../keys.js';
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

// Group order of edwards25519 (RFC 8032 §5.1), for the §5.1.7 check S < L.
const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;

/** RFC 8032 §5.1.7: the S half of an Ed25519 signature (bytes 32–63, little-endian) must be below L. Exported for tests. */
export const ed25519ScalarIsCanonical = (sig: Uint8Array): boolean => bigIntOf(sig.subarray(32, 64), true) < ED25519_L;

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

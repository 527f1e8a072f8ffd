/**
 * WebCrypto's one door: every call into `crypto.subtle` goes through this folder
 * (`verify.ts` for readers, `sign.ts` for signers), never elsewhere in the core.
 */
import { PostureError } from '../errors.js';

export const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s)
    throw new PostureError(
      'signature-invalid',
      'This environment has no WebCrypto (crypto.subtle): it cannot check signatures. Pages must be served over https.',
    );
  return s;
};

/** The signature algorithms this library uses (JOSE names). */
export type Algorithm = 'EdDSA' | 'ES256';

export const webCryptoAlgorithm = (alg: Algorithm) =>
  alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', data as BufferSource));
}

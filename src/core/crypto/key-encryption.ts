/**
 * Encrypted private key files (signers only): the private JWK sealed with AES-256-GCM under a key
 * derived from a passphrase with PBKDF2-SHA-256, all with WebCrypto. The file names its format,
 * its parameters and the key id (public), so a command can say which key it needs a passphrase for.
 */
import { decode, encode, fromUtf8, utf8 } from '../base64url.js';
import { PostureError } from '../errors.js';
import { subtle } from './subtle.js';

/** The member that marks an encrypted key file (its value is the format version). */
export const ENCRYPTED_KEY_MARK = 'trust-elements-encrypted-key';
/** PBKDF2 iterations: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
// Bounds on what a file may ask for, so a hostile file cannot make decryption take hours.
const MAX_ITERATIONS = 10_000_000;

export interface EncryptedKeyFile {
  [ENCRYPTED_KEY_MARK]: 1;
  kid: string;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  enc: 'A256GCM';
  iv: string;
  ciphertext: string;
}

async function wrappingKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', utf8(passphrase) as BufferSource, 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Seals a private JWK (with its `kid`) under `passphrase`. */
export async function encryptPrivateJwk(
  jwk: { kid?: string },
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<EncryptedKeyFile> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const key = await wrappingKey(passphrase, salt, iterations);
  const sealed = await subtle().encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, utf8(JSON.stringify(jwk)) as BufferSource);
  return {
    [ENCRYPTED_KEY_MARK]: 1,
    kid: jwk.kid ?? '',
    kdf: 'PBKDF2-SHA-256',
    iterations,
    salt: encode(salt),
    enc: 'A256GCM',
    iv: encode(iv),
    ciphertext: encode(new Uint8Array(sealed)),
  };
}

/** Opens an encrypted key file with `passphrase`: the private JWK, or `keys-invalid` (wrong passphrase, damaged file). */
export async function decryptPrivateJwk(file: EncryptedKeyFile, passphrase: string): Promise<unknown> {
  const { iterations } = file;
  if (
    file.kdf !== 'PBKDF2-SHA-256' ||
    file.enc !== 'A256GCM' ||
    !Number.isSafeInteger(iterations) ||
    iterations < 1 ||
    iterations > MAX_ITERATIONS
  )
    throw new PostureError('keys-invalid', 'The encrypted key file uses a format or parameters this version does not read.');
  const key = await wrappingKey(passphrase, decode(file.salt, 'salt'), iterations);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: decode(file.iv, 'iv') as BufferSource },
      key,
      decode(file.ciphertext, 'ciphertext') as BufferSource,
    );
  } catch {
    throw new PostureError('keys-invalid', 'The passphrase is wrong, or the encrypted key file was changed.');
  }
  try {
    return JSON.parse(fromUtf8(new Uint8Array(plain)) ?? '');
  } catch {
    throw new PostureError('keys-invalid', 'The encrypted key file holds no key.');
  }
}

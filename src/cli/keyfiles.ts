/**
 * Reading key files: a private key for signing, a key set (JWKS) for verifying or publishing,
 * with the mix-ups (a public key given to sign, a private key given as the key set) named as such.
 */
import { importSigningKey, isPostureError, type SigningKey } from '../core/index.js';
import { excerpt } from './display.js';
import { CliError } from './errors.js';
import { readText } from './files.js';
import { parseJsonText } from './json.js';
import type { Io } from './output.js';
import { findPrivateMember } from './private-keys.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Loads a private key file (as written by keygen) for signing. */
export async function loadSigningKey(io: Io, file: string): Promise<SigningKey> {
  const jwk = parseJsonText(await readText(io, file, 'key file'), `key file ${file}`);
  if (!isObject(jwk)) throw new CliError(`key file ${file} is not a JWK (a JSON object)`);
  if (Array.isArray(jwk.keys))
    throw new CliError(`key file ${file} is a key set (JWKS), not a private key: give the key file made by 'trust-elements keygen'`);
  if (!('d' in jwk))
    throw new CliError(
      `key file ${file} holds a public key (it has no private part "d"): signing needs the private key file made by 'trust-elements keygen'`,
    );
  try {
    return await importSigningKey(jwk);
  } catch (error) {
    if (isPostureError(error)) throw new CliError(`key file ${file}: ${error.message}`);
    throw error;
  }
}

/**
 * Parses a key set's text. A single private JWK given where the key set belongs is named as the
 * mistake it is (the core refuses it too, but only as "not a JWKS").
 */
export function parseJwks(text: string, file: string): unknown {
  const jwks = parseJsonText(text, `key set ${file}`);
  if (isObject(jwks) && !('keys' in jwks) && 'd' in jwks) {
    throw new CliError(
      `${file} is a private key, not a key set (JWKS): give the public key set, such as jwks.json (and never publish a private key)`,
    );
  }
  return jwks;
}

/**
 * Refuses a key set that holds a private member anywhere (inside `keys` or out of it, at any
 * depth): a command that writes or publishes it would spread the secret.
 */
export function refusePrivateMembers(jwks: unknown, file: string, action: string): void {
  const at = findPrivateMember(jwks);
  if (at !== undefined) {
    throw new CliError(
      `the key set ${file} holds a private or secret key (${excerpt(at, 80)}): refusing to ${action}. A published key set holds public keys only; remove it (and, if it was ever published, replace that key)`,
    );
  }
}

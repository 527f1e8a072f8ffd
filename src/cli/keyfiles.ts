/**
 * Reading key files: a private key for signing, a key set (JWKS) for verifying or publishing,
 * with the mix-ups (a public key given to sign, a private key given as the key set) named as such.
 */
import {
  decryptPrivateJwk,
  ENCRYPTED_KEY_MARK,
  importSigningKey,
  isPostureError,
  type EncryptedKeyFile,
  type SigningKey,
} from '../core/index.js';
import { excerpt } from './display.js';
import { CliError, UsageError } from './errors.js';
import { readText } from './files.js';
import { parseJsonText } from './json.js';
import type { Io } from './output.js';
import { findPrivateMember } from './private-keys.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The most a private key may take on standard input or in a variable (a JWK is a few hundred bytes). */
const MAX_KEY_CHARS = 64 * 1024;

/**
 * Where a private key comes from, as `--key` names it: `-` standard input, `env:NAME` an
 * environment variable (a CI secret), else a file. Never the command line itself: a JWK there
 * would be in the shell's history and every process listing, so it is refused, unread.
 */
export function keySource(spec: string): { kind: 'stdin' } | { kind: 'env'; name: string } | { kind: 'file'; file: string } {
  if (spec === '-') return { kind: 'stdin' };
  if (spec.startsWith('env:')) {
    const name = spec.slice(4);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new UsageError(`--key env:NAME needs a variable name, such as env:TRUST_ELEMENTS_KEY`);
    return { kind: 'env', name };
  }
  if (/^\s*\{/.test(spec) || /"(?:d|kty)"\s*:/.test(spec)) {
    throw new UsageError(
      'refusing a private key written on the command line (it would be in the shell history and visible to every process): pass --key - and give the key on standard input, --key env:NAME to read it from an environment variable, or a key file',
    );
  }
  return { kind: 'file', file: spec };
}

/** Reads standard input to its end, up to `max` characters. */
export async function readStdin(io: Io, what: string, max = MAX_KEY_CHARS): Promise<string> {
  if (!io.stdin) throw new CliError(`no standard input to read the ${what} from`);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  try {
    for await (const chunk of io.stdin) {
      text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (text.length > max) throw new CliError(`the ${what} on standard input is longer than ${max} characters`);
    }
    text += decoder.decode();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`the ${what} on standard input is not UTF-8 text`);
  }
  return text;
}

/**
 * A passphrase, as `--passphrase` names it: `-` (standard input, its last line break dropped) or
 * `env:NAME`; never the passphrase itself on the command line.
 */
export async function readPassphrase(io: Io, spec: string): Promise<string> {
  let text: string;
  if (spec === '-') text = (await readStdin(io, 'passphrase')).replace(/\r?\n$/, '');
  else if (spec.startsWith('env:')) text = io.env[spec.slice(4)] ?? '';
  else
    throw new UsageError(
      '--passphrase takes - (standard input) or env:NAME (an environment variable), never the passphrase itself on the command line',
    );
  if (text === '') throw new CliError(`the passphrase (--passphrase ${spec}) is empty`);
  return text;
}

/** The `--passphrase` of a command, read at most once and only when an encrypted key needs it. */
export function passphraseOnce(io: Io, spec: string | undefined): (() => Promise<string>) | undefined {
  if (spec === undefined) return undefined;
  // A passphrase written on the command line is refused at once, before anything is read.
  if (spec !== '-' && !spec.startsWith('env:'))
    throw new UsageError(
      '--passphrase takes - (standard input) or env:NAME (an environment variable), never the passphrase itself on the command line',
    );
  let read: Promise<string> | undefined;
  return () => (read ??= readPassphrase(io, spec));
}

/**
 * Loads a private key for signing: a key file made by keygen, `-` (standard input) or `env:NAME`;
 * an encrypted key file ('trust-elements keys encrypt') is opened with `passphrase`.
 */
export async function loadSigningKey(io: Io, spec: string, passphrase?: () => Promise<string>): Promise<SigningKey> {
  const source = keySource(spec);
  let text: string;
  let label: string;
  if (source.kind === 'stdin') {
    text = await readStdin(io, 'private key');
    label = 'the private key on standard input';
  } else if (source.kind === 'env') {
    const value = io.env[source.name];
    if (value === undefined || value.trim() === '')
      throw new CliError(`the environment variable ${source.name} (--key env:${source.name}) is not set or empty`);
    if (value.length > MAX_KEY_CHARS)
      throw new CliError(`the environment variable ${source.name} is longer than ${MAX_KEY_CHARS} characters`);
    text = value;
    label = `the private key in ${source.name}`;
  } else {
    text = await readText(io, source.file, 'key file');
    label = `key file ${source.file}`;
  }
  if (text.trim() === '') throw new CliError(`${label} is empty`);
  let jwk = parseJsonText(text, label);
  if (isObject(jwk) && ENCRYPTED_KEY_MARK in jwk) {
    if (!passphrase) throw new CliError(`${label} is encrypted: give its passphrase with --passphrase env:NAME or --passphrase -`);
    try {
      jwk = await decryptPrivateJwk(jwk as unknown as EncryptedKeyFile, await passphrase());
    } catch (error) {
      if (isPostureError(error)) throw new CliError(`${label}: ${error.message}`);
      throw error;
    }
  }
  if (!isObject(jwk)) throw new CliError(`${label} is not a JWK (a JSON object)`);
  if (Array.isArray(jwk.keys))
    throw new CliError(`${label} is a key set (JWKS), not a private key: give the key file made by 'trust-elements keygen'`);
  if (!('d' in jwk))
    throw new CliError(
      `${label} holds a public key (it has no private part "d"): signing needs the private key file made by 'trust-elements keygen'`,
    );
  try {
    return await importSigningKey(jwk);
  } catch (error) {
    if (isPostureError(error)) throw new CliError(`${label}: ${error.message}`);
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

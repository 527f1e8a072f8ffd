/**
 * The vendor's key record, `keys.json` (kept beside `jwks.json`, not published, public keys
 * only): every key the vendor has had, with its algorithm, when it was made, and its status —
 * `current` (signs, published), `next` (announced, published, not yet signing) or `retired`
 * (removed from the published JWKS on a date) — and the signed announcements of next keys that
 * `sign` puts into every document until they expire.
 */
import { lstat } from 'node:fs/promises';
import { trustedKeys, type PublicJwk, type SignedAnnouncement } from '../core/index.js';
import { excerpt } from './display.js';
import { CliError } from './errors.js';
import { readText, resolvePath, writeAtomic, writing } from './files.js';
import { parseJsonText } from './json.js';
import type { Io } from './output.js';
import { findPrivateMember } from './private-keys.js';

export const DEFAULT_KEYRING_FILE = 'keys.json';

export type KeyStatus = 'current' | 'next' | 'retired';

export interface KeyRecord {
  kid: string;
  alg: string;
  /** When the key was made (or first recorded), RFC 3339. */
  created: string;
  status: KeyStatus;
  /** When it was retired: removed from the published key set. */
  retired?: string;
  jwk: PublicJwk;
}

export interface Keyring {
  keys: KeyRecord[];
  announcements: SignedAnnouncement[];
}

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

/** The key record in `file`, or an empty one when there is no such file yet. Refuses one holding a private key. */
export async function readKeyring(io: Io, file: string): Promise<Keyring> {
  if (!(await exists(resolvePath(io, file)))) return { keys: [], announcements: [] };
  const value = parseJsonText(await readText(io, file, 'key record'), `key record ${file}`) as Partial<Keyring> | null;
  const at = findPrivateMember(value);
  if (at !== undefined)
    throw new CliError(`the key record ${file} holds a private key (${excerpt(at, 80)}): it must hold public keys only; remove it`);
  if (typeof value !== 'object' || value === null || !Array.isArray(value.keys))
    throw new CliError(`the key record ${file} is not a key record: it needs a "keys" array`);
  return { keys: value.keys, announcements: Array.isArray(value.announcements) ? value.announcements : [] };
}

export async function writeKeyring(io: Io, file: string, keyring: Keyring): Promise<void> {
  const full = resolvePath(io, file);
  await writing(io, full, 'key record', () => writeAtomic(full, `${JSON.stringify(keyring, null, 2)}\n`));
}

/** The published key set in `file` (its `keys`), or undefined when there is no such file. */
export async function readPublishedKeys(io: Io, file: string): Promise<{ keys: PublicJwk[]; kids: string[] } | undefined> {
  if (!(await exists(resolvePath(io, file)))) return undefined;
  const value = parseJsonText(await readText(io, file, 'key set'), `key set ${file}`);
  const at = findPrivateMember(value);
  if (at !== undefined) throw new CliError(`the key set ${file} holds a private key (${excerpt(at, 80)}): remove it, and replace that key`);
  const kids = (await trustedKeys(value)).map((k) => k.thumbprint);
  return { keys: (value as { keys: PublicJwk[] }).keys, kids };
}

export async function writePublishedKeys(io: Io, file: string, keys: readonly PublicJwk[]): Promise<void> {
  const full = resolvePath(io, file);
  await writing(io, full, 'key set', () => writeAtomic(full, `${JSON.stringify({ keys }, null, 2)}\n`));
}

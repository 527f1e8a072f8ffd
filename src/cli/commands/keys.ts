/**
 * `trust-elements keys list|add|next|retire`: the lifecycle of the vendor's signing keys, kept in
 * the key record (keys.json, see keyring.ts) beside the published key set (jwks.json).
 */
import {
  encryptPrivateJwk,
  parsePins,
  signAnnouncement,
  readAnnouncement,
  MAX_ANNOUNCEMENT_DAYS,
  type Announcement,
} from '../../core/index.js';
import { helpHint, parseCommand, type Command, type Context } from '../command.js';
import { excerpt } from '../display.js';
import { CliError, EXIT_OK, UsageError } from '../errors.js';
import { createExclusive, displayPath, guardOutput, readText, resolvePath, writing } from '../files.js';
import { parseJsonText } from '../json.js';
import { keySource, loadSigningKey, passphraseOnce } from '../keyfiles.js';
import {
  DEFAULT_KEYRING_FILE,
  readKeyring,
  readPublishedKeys,
  writeKeyring,
  writePublishedKeys,
  type KeyRecord,
  type Keyring,
} from '../keyring.js';
import { isoSeconds, validityPeriod } from '../time.js';
import { DEFAULT_JWKS_FILE, DEFAULT_KEY_FILE, keygen } from './keygen.js';

export const DEFAULT_NEXT_KEY_FILE = 'trust-elements.next.key.json';
const DEFAULT_ANNOUNCEMENT_VALIDITY = '90d';

const usage = `Usage: trust-elements keys <list|add|next|retire|encrypt> [options]

The lifecycle of your signing keys. The record of every key (id, algorithm, created, status,
and the signed announcements of next keys) is kept in ${DEFAULT_KEYRING_FILE}, public keys only:
keep it with your sources, do not publish it. ${DEFAULT_JWKS_FILE} is the key set you publish.

  keys list                  every key: id, algorithm, created, status (current, next, retired)
  keys add [--alg ALG] [--key FILE]
                             a new current key: like keygen, and recorded
  keys next --key CURRENT [--alg ALG] [--out FILE] [--valid-for DURATION]
                             a new next key (${DEFAULT_NEXT_KEY_FILE}), published, and
                             announced: an announcement signed by the current key, which 'sign'
                             puts into every document until it expires (default ${DEFAULT_ANNOUNCEMENT_VALIDITY}, at most
                             ${MAX_ANNOUNCEMENT_DAYS} days). Partners pinned to the current key then accept
                             documents signed by the next key. CURRENT: a key file, - or env:NAME
  keys encrypt KEYFILE --passphrase SRC [--out FILE]
                             writes KEYFILE encrypted (PBKDF2-SHA-256 and AES-256-GCM) to FILE
                             (default: KEYFILE with .enc.json), mode 0600; sign and keys next
                             open it with --passphrase. SRC: - (standard input) or env:NAME
  keys retire KEY            removes KEY (a key id, or its key file) from the published key set
                             and records it retired; next keys it announced become current

Options:
  --jwks FILE      the published key set (default: ${DEFAULT_JWKS_FILE})
  --keyring FILE   the key record (default: ${DEFAULT_KEYRING_FILE})
  --passphrase SRC the passphrase of an encrypted key file: - or env:NAME
  -h, --help       show this help

A rotation: 'keys next --key trust-elements.key.json', publish, then (after partners have the
new pin, or while the announcement is valid) sign with the next key, and 'keys retire' the old one.`;

/** The record of `kid`, created from the published key set when the key has none yet (made by keygen). */
function recordOf(keyring: Keyring, kid: string, jwks: { keys: { kid?: string }[] } | undefined): KeyRecord | undefined {
  const found = keyring.keys.find((k) => k.kid === kid);
  if (found) return found;
  const jwk = jwks?.keys.find((k) => k.kid === kid) as KeyRecord['jwk'] | undefined;
  if (!jwk) return undefined;
  const record: KeyRecord = { kid, alg: jwk.alg ?? (jwk.kty === 'EC' ? 'ES256' : 'EdDSA'), created: 'unknown', status: 'current', jwk };
  keyring.keys.push(record);
  return record;
}

/** Runs keygen for a new key pair and returns its public key (read back from the key file keygen wrote). */
async function newKey(ctx: Context, alg: string, keyFile: string, jwksFile: string) {
  const code = await keygen.run(['--alg', alg, '--key', keyFile, '--jwks', jwksFile], ctx);
  if (code !== EXIT_OK) throw new CliError('no key was made');
  return loadSigningKey(ctx.io, keyFile);
}

async function list(ctx: Context, jwksFile: string, keyringFile: string): Promise<number> {
  const keyring = await readKeyring(ctx.io, keyringFile);
  const published = await readPublishedKeys(ctx.io, jwksFile);
  for (const kid of published?.kids ?? []) recordOf(keyring, kid, published);
  const { p } = ctx;
  if (keyring.keys.length === 0) {
    p.out(`no keys in ${keyringFile} or ${jwksFile}: make one with 'trust-elements keys add'`);
    return EXIT_OK;
  }
  const now = ctx.io.now().getTime();
  const announcedUntil = (kid: string) =>
    keyring.announcements
      .map((a) => readAnnouncement(a.jws))
      .filter((a): a is Announcement => !!a && Array.isArray(a.next) && a.next.includes(kid) && Date.parse(a.expires) > now)
      .map((a) => a.expires)
      .sort()
      .pop();
  p.table([
    ['id', 'algorithm  created               status'],
    ...keyring.keys.map((k): [string, string] => {
      const until = announcedUntil(k.kid);
      const status =
        k.status === 'retired'
          ? `retired ${k.retired ?? ''}`.trim()
          : `${k.status}${k.status === 'next' && until ? ` (announced until ${until})` : ''}${published && !published.kids.includes(k.kid) ? ' — not in the published key set' : ''}`;
      return [k.kid, `${k.alg.padEnd(9)}  ${k.created.padEnd(20)}  ${status}`];
    }),
  ]);
  return EXIT_OK;
}

/** `keys encrypt KEYFILE`: the key file sealed under a passphrase, written beside it (0600, never over a file). */
async function encrypt(
  ctx: Context,
  file: string | undefined,
  out: string | undefined,
  passphrase?: () => Promise<string>,
): Promise<number> {
  const { io, p } = ctx;
  if (file === undefined) throw new UsageError('keys encrypt needs KEYFILE: the private key file to encrypt', helpHint('keys'));
  if (!passphrase) throw new UsageError('keys encrypt needs --passphrase - or --passphrase env:NAME', helpHint('keys'));
  const key = await loadSigningKey(io, file);
  const target = resolvePath(io, out ?? file.replace(/(\.json)?$/, '.enc.json'));
  await guardOutput(io, target, 'encrypted key file', [{ file, what: 'key file' }]);
  const jwk = parseJsonText(await readText(io, file, 'key file'), `key file ${file}`) as { kid?: string };
  const sealed = await encryptPrivateJwk({ ...jwk, kid: key.kid }, await passphrase());
  await writing(io, target, 'encrypted key file', () =>
    createExclusive(target, `${JSON.stringify(sealed, null, 2)}\n`, 0o600).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') throw new CliError(`${displayPath(io, target)} already exists: refusing to overwrite it`);
      throw error;
    }),
  );
  p.out(`encrypted ${key.kid} → ${displayPath(io, target)} (mode 0600); delete ${file} once you have checked it signs`);
  return EXIT_OK;
}

export const keys: Command = {
  name: 'keys',
  summary: 'list, add, announce (next) and retire signing keys',
  usage,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseCommand(
      'keys',
      rest,
      {
        jwks: { type: 'string', default: DEFAULT_JWKS_FILE },
        keyring: { type: 'string', default: DEFAULT_KEYRING_FILE },
        key: { type: 'string', multiple: true },
        alg: { type: 'string', default: 'ed25519' },
        out: { type: 'string' },
        'valid-for': { type: 'string', default: DEFAULT_ANNOUNCEMENT_VALIDITY },
        passphrase: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      { min: 0, max: sub === 'retire' || sub === 'encrypt' ? 1 : 0, name: 'KEY' },
    );
    const { io, p } = ctx;
    const passphrase = passphraseOnce(io, values.passphrase);
    const now = io.now();
    switch (sub) {
      case 'list':
        return list(ctx, values.jwks, values.keyring);
      case 'add': {
        if ((values.key ?? []).length > 1) throw new UsageError('keys add makes one key: give --key once', helpHint('keys'));
        const keyring = await readKeyring(io, values.keyring);
        const key = await newKey(ctx, values.alg, values.key?.[0] ?? DEFAULT_KEY_FILE, values.jwks);
        if (!keyring.keys.some((k) => k.kid === key.kid))
          keyring.keys.push({ kid: key.kid, alg: key.alg, created: isoSeconds(now), status: 'current', jwk: key.publicJwk });
        await writeKeyring(io, values.keyring, keyring);
        p.out(`recorded ${key.kid} as current in ${values.keyring}`);
        return EXIT_OK;
      }
      case 'next': {
        const current = values.key ?? [];
        if (current.length === 0)
          throw new UsageError('keys next needs --key CURRENT: the current key signs the announcement of the next', helpHint('keys'));
        // Check every key source (and refuse one on the command line) before a new key is made.
        current.forEach(keySource);
        const signers = [];
        for (const spec of current) signers.push(await loadSigningKey(io, spec, passphrase));
        const { issued, expires } = validityPeriod(values['valid-for'], now);
        if (expires.getTime() - issued.getTime() > MAX_ANNOUNCEMENT_DAYS * 86_400_000)
          throw new UsageError(`--valid-for: an announcement is valid for at most ${MAX_ANNOUNCEMENT_DAYS} days`, helpHint('keys'));
        const keyring = await readKeyring(io, values.keyring);
        const published = await readPublishedKeys(io, values.jwks);
        for (const s of signers) {
          const record = recordOf(keyring, s.kid, published);
          if (record?.status === 'retired') throw new CliError(`the key ${s.kid} is retired: a retired key announces nothing`);
          if (!record) keyring.keys.push({ kid: s.kid, alg: s.alg, created: 'unknown', status: 'current', jwk: s.publicJwk });
        }
        const next = await newKey(ctx, values.alg, values.out ?? DEFAULT_NEXT_KEY_FILE, values.jwks);
        keyring.keys.push({ kid: next.kid, alg: next.alg, created: isoSeconds(now), status: 'next', jwk: next.publicJwk });
        const body: Announcement = { next: [next.kid], issued: isoSeconds(issued), expires: isoSeconds(expires) };
        keyring.announcements.push(...(await signAnnouncement(body, signers)));
        await writeKeyring(io, values.keyring, keyring);
        p.out(`announced ${next.kid} as the next key, signed by ${signers.map((s) => s.kid).join(', ')}, until ${body.expires}`);
        p.out(`'trust-elements sign' now puts the announcement into every document (recorded in ${values.keyring})`);
        return EXIT_OK;
      }
      case 'encrypt':
        return encrypt(ctx, positionals[0], values.out, passphrase);
      case 'retire': {
        const target = positionals[0];
        if (target === undefined) throw new UsageError('keys retire needs KEY: a key id, or the key file', helpHint('keys'));
        let kid: string;
        try {
          kid = parsePins([target])[0]!;
        } catch {
          kid = (await loadSigningKey(io, target)).kid;
        }
        const keyring = await readKeyring(io, values.keyring);
        const published = await readPublishedKeys(io, values.jwks);
        const record = recordOf(keyring, kid, published);
        if (!record) throw new CliError(`no key ${excerpt(kid)} in ${values.keyring} or ${values.jwks}`);
        if (published) {
          await writePublishedKeys(
            io,
            values.jwks,
            published.keys.filter((k) => k.kid !== kid),
          );
        }
        record.status = 'retired';
        record.retired = isoSeconds(now);
        // Announcements naming the retired key are dropped: documents stop vouching for it.
        keyring.announcements = keyring.announcements.filter((a) => !readAnnouncement(a.jws)?.next?.includes(kid));
        if (!keyring.keys.some((k) => k.status === 'current')) for (const k of keyring.keys) if (k.status === 'next') k.status = 'current';
        await writeKeyring(io, values.keyring, keyring);
        p.out(`retired ${kid}: removed from ${values.jwks}, recorded in ${values.keyring}; publish the key set again`);
        return EXIT_OK;
      }
      default:
        throw new UsageError(
          sub === undefined ? 'keys needs a subcommand: list, add, next, retire or encrypt' : `unknown keys subcommand '${excerpt(sub)}'`,
          helpHint('keys'),
        );
    }
  },
};

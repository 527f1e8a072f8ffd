/** `trust-elements keygen`: a new signing key pair; the public half joins the JWKS (key rotation). */
import { lstat, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { generateSigningKey, isPostureError, trustedKeys, type Algorithm, type PublicJwk } from '../../core/index.js';
import { parseCommand, type Command, type Context } from '../command.js';
import { excerpt } from '../display.js';
import { CliError, UsageError, EXIT_OK } from '../errors.js';
import { createExclusive, displayPath, guardOutput, readText, resolvePath, writeAtomic, writing } from '../files.js';
import { parseJwks, refusePrivateMembers } from '../keyfiles.js';

export const DEFAULT_KEY_FILE = 'trust-elements.key.json';
export const DEFAULT_JWKS_FILE = 'jwks.json';

const ALGS: Record<string, Algorithm> = { ed25519: 'EdDSA', eddsa: 'EdDSA', es256: 'ES256', 'p-256': 'ES256' };

const usage = `Usage: trust-elements keygen [--alg ed25519|es256] [--key FILE] [--jwks FILE] [--force]

Makes a new signing key pair. The private key is written to its own file, readable by you
only (mode 0600); the public key is added to the key set (JWKS) that you publish, keeping
the keys already there: that is how keys are rotated (sign with both for a while, then
remove the old one from the JWKS).

Options:
  --alg ALG     ed25519 (default; small, fast) or es256 (P-256, for older browsers)
  --key FILE    the private key file to create (default: ${DEFAULT_KEY_FILE})
  --jwks FILE   the key set to add the public key to; created if missing (default: ${DEFAULT_JWKS_FILE})
  --force       replace an existing private key file (the old key is lost)
  -h, --help    show this help

Prints the key id: the key's RFC 7638 thumbprint, the value partners pin with --pin.
Never prints the private key. Keep the key file out of version control.`;

async function exists(file: string): Promise<'file' | 'other' | false> {
  try {
    const s = await lstat(file);
    return s.isFile() || s.isSymbolicLink() ? 'file' : 'other';
  } catch {
    return false;
  }
}

/** The existing key set (checked: a JWKS, with no private key in it), or an empty one. */
async function loadJwks(ctx: Context, file: string, shown: string): Promise<{ keys: unknown[]; thumbprints: string[]; mode?: number }> {
  const kind = await exists(file);
  if (kind === false) return { keys: [], thumbprints: [] };
  if (kind === 'other') throw new CliError(`the key set ${shown} is not a file`);
  const parsed = parseJwks(await readText(ctx.io, file, 'key set'), shown);
  refusePrivateMembers(parsed, shown, 'add a key to it');
  try {
    const trusted = await trustedKeys(parsed);
    const { mode } = await stat(file);
    return { keys: (parsed as { keys: unknown[] }).keys, thumbprints: trusted.map((k) => k.thumbprint), mode: mode & 0o777 };
  } catch (error) {
    if (isPostureError(error)) throw new CliError(`the key set ${shown} cannot be added to: ${error.message}`);
    throw error;
  }
}

export const keygen: Command = {
  name: 'keygen',
  summary: 'make a signing key pair; add its public key to the JWKS',
  usage,
  async run(argv, ctx) {
    const { values } = parseCommand(
      'keygen',
      argv,
      {
        alg: { type: 'string', default: 'ed25519' },
        key: { type: 'string', default: DEFAULT_KEY_FILE },
        jwks: { type: 'string', default: DEFAULT_JWKS_FILE },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      { min: 0, max: 0, name: '' },
    );
    const { io, p } = ctx;
    const { style: s } = p;

    const alg = ALGS[values.alg.toLowerCase()];
    if (!alg)
      throw new UsageError(`--alg '${excerpt(values.alg)}' is not supported: use ed25519 or es256`, "see 'trust-elements keygen --help'");
    const keyFile = resolvePath(io, values.key);
    const jwksFile = resolvePath(io, values.jwks);
    const keyShown = displayPath(io, keyFile);
    const jwksShown = displayPath(io, jwksFile);
    if (keyFile === jwksFile)
      throw new UsageError('--key and --jwks name the same file: the private key must not go into the published key set');

    const existing = await exists(keyFile);
    if (existing === 'other') throw new CliError(`the key file ${keyShown} is not a file`);
    if (existing && !values.force) {
      throw new CliError(
        `the key file ${keyShown} already exists: refusing to overwrite a private key (use --force to replace it; the old key is then lost)`,
      );
    }
    const jwks = await loadJwks(ctx, jwksFile, jwksShown);
    // Two files however they are spelled (a symlink, "..", a hard link); --force replaces only a key file.
    await guardOutput(io, keyFile, 'key file', [{ file: jwksFile, what: 'key set' }], { replacesKey: true });
    await guardOutput(io, jwksFile, 'key set', [{ file: keyFile, what: 'key file' }]);

    const { privateJwk, publicJwk } = await generateSigningKey(alg);
    const kid = publicJwk.kid!;

    await writing(io, keyFile, 'key file', async () => {
      await mkdir(path.dirname(keyFile), { recursive: true });
      const text = `${JSON.stringify(privateJwk, null, 2)}\n`;
      // Created with mode 0600 from the start; --force replaces by rename, so the mode is never inherited.
      if (existing) await writeAtomic(keyFile, text, 0o600);
      else
        await createExclusive(keyFile, text, 0o600).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') throw new CliError(`the key file ${keyShown} already exists: refusing to overwrite a private key`);
          throw error;
        });
    });

    const added = !jwks.thumbprints.includes(kid);
    const keys: unknown[] = added ? [...jwks.keys, publicJwk satisfies PublicJwk] : jwks.keys;
    await writing(io, jwksFile, 'key set', () => writeAtomic(jwksFile, `${JSON.stringify({ keys }, null, 2)}\n`, jwks.mode ?? 0o644));

    p.out(`${s.green('✓')} new ${alg === 'EdDSA' ? 'Ed25519' : 'P-256'} signing key (${alg})`);
    p.table([
      ['key id', `${s.bold(kid)}  ${s.dim('(RFC 7638 thumbprint: the value partners pin with --pin)')}`],
      ['private key', `${keyShown}  ${s.dim('(mode 0600: keep it secret and out of version control)')}`],
      [
        'public key',
        `${added ? 'added to' : 'already in'} ${jwksShown}  ${s.dim(`(${keys.length} key${keys.length === 1 ? '' : 's'}; publish this file)`)}`,
      ],
    ]);
    return EXIT_OK;
  },
};

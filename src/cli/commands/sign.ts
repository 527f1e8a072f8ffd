/** `trust-elements sign FILE --key KEYFILE …`: validates a document and signs it with every key. */
import {
  claimedVersion,
  FORMAT_MINOR,
  FORMAT_VERSION,
  isPostureError,
  MAX_ANNOUNCEMENTS,
  readAnnouncement,
  serializeJws,
  signPosture,
  trustedKeys,
  validatePosture,
  type SigningKey,
  type TrustedKey,
} from '../../core/index.js';
import { helpHint, parseCommand, type Command } from '../command.js';
import { excerpt } from '../display.js';
import { CliError, EXIT_OK, issueLines, UsageError } from '../errors.js';
import { displayPath, guardOutput, looksSigned, readText, resolvePath, writeAtomic, writing } from '../files.js';
import { parseJsonText } from '../json.js';
import { DEFAULT_SIGNER_TIMEOUT_SECONDS, externalSigningKey } from '../external-signer.js';
import { keySource, loadSigningKey, parseJwks, passphraseOnce } from '../keyfiles.js';
import { DEFAULT_KEYRING_FILE, readKeyring, readPublishedKeys } from '../keyring.js';
import { DEFAULT_JWKS_FILE } from './keygen.js';
import { shellArg } from '../output.js';
import { applyRelease, DEFAULT_VALIDITY, namedPreviousSequence, previousSequence, releaseHints, type Derived } from '../release.js';
import { relativeExpiry } from '../time.js';

const usage = `Usage: trust-elements sign FILE --key KEY [--key KEY2 …] [options]
       trust-elements sign FILE --signer "COMMAND" (--kid KID | --public-key FILE) [options]

Validates the unsigned document FILE, then signs it with every key given: one JWS (General
JSON Serialization) with one signature per key. Sign with two keys while rotating keys, or
with an Ed25519 and an ES256 key so that older browsers can check it too.

What FILE leaves out, sign sets (and says so): the issuer is the origin of organization.url;
issued is now and expires ${DEFAULT_VALIDITY} later; the sequence is one above that of the previous
release (--previous, else the signed document already in OUT), or 1. Options override the document.

Options:
  --key KEY             the private key: a key file made by 'trust-elements keygen', - to read it
                        from standard input, or env:NAME from the environment variable NAME (a CI
                        secret); never the key itself on the command line (repeatable)
  --passphrase SRC      the passphrase of an encrypted key file ('trust-elements keys encrypt'):
                        - (standard input) or env:NAME
  --signer "COMMAND"    sign with an external program instead (a KMS, an HSM, an agent): run by
                        the shell once per signature, it gets the bytes to sign on standard input
                        (and TRUST_ELEMENTS_KID, TRUST_ELEMENTS_ALG) and writes the signature on
                        standard output: 64 raw bytes (ES256: r||s), or them in base64url or
                        base64, or for ES256 a DER ECDSA signature. Each signature is checked
  --kid KID             with --signer: the signer's public key, by id, from the key set (--jwks)
  --public-key FILE     with --signer: the signer's public key, a JWK file (or a JWKS of one key)
  --signer-timeout S    with --signer: seconds to wait for it (default ${DEFAULT_SIGNER_TIMEOUT_SECONDS})
  --jwks FILE           the published key set: sign warns about a key not in it (default: ${DEFAULT_JWKS_FILE}, if present)
  --keyring FILE        the key record ('trust-elements keys'): sign warns about a retired key, and puts the
                        valid announcements of next keys into the document (default: ${DEFAULT_KEYRING_FILE}, if present)
  --out OUT             write the signed document to OUT (default: standard output)
  --issuer ORIGIN       set the document's issuer, e.g. https://example.com
                        (default: the document's, else the origin of organization.url)
  --valid-for DURATION  set issued to now and expires to now + DURATION:
                        90d, 12w, 6m, 1y or ISO 8601 (P90D, P1Y); at most 366 days
                        (default: the document's dates, else ${DEFAULT_VALIDITY})
  --sequence N          set the document's sequence number (raise it with every release)
                        (default: the document's, else one above the previous release's, else 1)
  --previous SIGNED     the previous release, for the sequence: a signed file, the site DIR
                        that 'trust-elements publish' wrote, or its URL (default: OUT)
  -h, --help            show this help

Example:
  trust-elements sign posture.json --key trust-elements.key.json --valid-for 90d --out posture.signed.json
then 'trust-elements publish' puts it, verified, where readers look for it.`;

function parseSequence(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--sequence '${excerpt(text)}' must be a whole number, 0 or more`, helpHint('sign'));
  return n;
}

function signerTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SIGNER_TIMEOUT_SECONDS;
  const n = Number(text);
  if (!(n > 0 && n <= 3600))
    throw new UsageError(`--signer-timeout '${excerpt(text)}' must be a number of seconds, at most 3600`, helpHint('sign'));
  return n;
}

/** The external signer's public key: --public-key FILE (a JWK, or a JWKS of one key), or --kid from the key set. */
async function signerPublicKey(
  io: Parameters<Command['run']>[1]['io'],
  values: { kid?: string; 'public-key'?: string; jwks?: string },
  published: { keys: unknown[] } | undefined,
): Promise<TrustedKey> {
  const file = values['public-key'];
  let keys: TrustedKey[];
  if (file !== undefined) {
    const parsed = parseJwks(await readText(io, file, 'public key'), file);
    const set = typeof parsed === 'object' && parsed !== null && 'keys' in parsed ? parsed : { keys: [parsed] };
    try {
      keys = await trustedKeys(set);
    } catch (error) {
      if (isPostureError(error)) throw new CliError(`public key ${file}: ${error.message}`);
      throw error;
    }
    if (keys.length !== 1) throw new CliError(`${file} must hold exactly one Ed25519 or P-256 public key (it holds ${keys.length})`);
    return keys[0]!;
  }
  const where = values.jwks ?? DEFAULT_JWKS_FILE;
  if (!published) throw new CliError(`--kid needs the key set ${where} to find the signer's public key in (or give --public-key FILE)`);
  keys = await trustedKeys(published);
  const key = keys.find((k) => k.thumbprint === values.kid);
  if (!key) throw new CliError(`no key ${excerpt(values.kid ?? '')} in the key set ${where}`);
  return key;
}

export const sign: Command = {
  name: 'sign',
  summary: 'validate a document and sign it with one or more keys',
  usage,
  async run(argv, { io, p }) {
    const { values, positionals } = parseCommand(
      'sign',
      argv,
      {
        key: { type: 'string', multiple: true },
        out: { type: 'string' },
        issuer: { type: 'string' },
        'valid-for': { type: 'string' },
        sequence: { type: 'string' },
        previous: { type: 'string' },
        passphrase: { type: 'string' },
        signer: { type: 'string' },
        kid: { type: 'string' },
        'public-key': { type: 'string' },
        'signer-timeout': { type: 'string' },
        jwks: { type: 'string' },
        keyring: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      { min: 1, max: 1, name: 'the FILE to sign' },
    );
    const file = positionals[0]!;
    const keySpecs = values.key ?? [];
    // Refuses a key written on the command line before anything else is read.
    const sources = keySpecs.map(keySource);
    if (keySpecs.length === 0 && values.signer === undefined)
      throw new UsageError(
        "sign needs at least one --key KEY (a private key made by 'trust-elements keygen', - or env:NAME) or a --signer",
        helpHint('sign'),
      );
    if (sources.filter((s) => s.kind === 'stdin').length + (values.passphrase === '-' ? 1 : 0) > 1)
      throw new UsageError('standard input (-) is named twice: it holds one key or one passphrase', helpHint('sign'));
    const passphrase = passphraseOnce(io, values.passphrase);
    if (values.signer === undefined && (values.kid ?? values['public-key'] ?? values['signer-timeout']) !== undefined)
      throw new UsageError('--kid, --public-key and --signer-timeout go with --signer', helpHint('sign'));
    if (values.signer !== undefined && (values.kid === undefined) === (values['public-key'] === undefined))
      throw new UsageError("--signer needs the signer's public key: --kid KID (from the key set) or --public-key FILE", helpHint('sign'));
    const keyFiles = sources.flatMap((s) => (s.kind === 'file' ? [s.file] : []));
    const sequence = values.sequence === undefined ? undefined : parseSequence(values.sequence);
    const now = io.now();
    const outFile = values.out === undefined ? undefined : resolvePath(io, values.out);
    if (outFile !== undefined && outFile === resolvePath(io, file)) {
      throw new UsageError('--out names the document being signed: write the signed document to another file');
    }
    // Before anything is read or written: --out must not land on an input or on a private key.
    if (outFile !== undefined) {
      await guardOutput(io, outFile, 'signed document', [
        { file, what: 'document' },
        ...keyFiles.map((k) => ({ file: k, what: 'key file' })),
      ]);
    }

    const text = await readText(io, file, 'document');
    const previous =
      values.previous !== undefined
        ? await namedPreviousSequence(io, values.previous)
        : outFile === undefined
          ? undefined
          : await previousSequence(outFile);
    const parsed = looksSigned(text) ? text : parseJsonText(text, file);
    if (looksSigned(parsed)) {
      throw new CliError(
        `${file} is already signed (a JWS): sign the unsigned document it was made from (read it with 'trust-elements inspect ${shellArg(file)}')`,
      );
    }
    let input = parsed;
    let derived: Derived[] = [];
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const release = applyRelease(parsed as Record<string, unknown>, {
        now,
        issuer: values.issuer,
        validFor: values['valid-for'],
        sequence,
        previousSequence: previous,
      });
      input = release.document;
      derived = release.derived;
    }
    const result = validatePosture(input);
    if (!result.ok) {
      const n = result.issues.length;
      throw new CliError(`${file} is not a valid posture document (${n} problem${n === 1 ? '' : 's'}); nothing was signed:`, {
        details: [...issueLines(result.issues), ...releaseHints(result.issues)],
      });
    }
    const doc = result.document;
    // A newer minor version's fields are ignored when read, never checked: this release cannot vouch for them.
    const claimed = claimedVersion(input);
    if (claimed && claimed.minor > FORMAT_MINOR) {
      throw new CliError(
        `${file} says format ${claimed.major}.${claimed.minor}, newer than this trust-elements reads (${FORMAT_VERSION}.${FORMAT_MINOR}): update trust-elements to check and sign it; nothing was signed`,
      );
    }

    const keys: SigningKey[] = [];
    for (const spec of keySpecs) {
      const key = await loadSigningKey(io, spec, passphrase);
      if (keys.some((k) => k.kid === key.kid)) throw new UsageError(`the key ${key.kid} is given twice (${spec})`);
      keys.push(key);
    }
    const jwksFile = values.jwks ?? DEFAULT_JWKS_FILE;
    const published = await readPublishedKeys(io, jwksFile).catch((error: unknown) => {
      if (values.jwks !== undefined || values.kid !== undefined) throw error;
      // The default key set only serves the warnings: one that cannot be read costs only them.
      p.warn(`the key set ${jwksFile} cannot be read, so its keys are not checked: ${excerpt((error as Error).message, 200)}`);
      return undefined;
    });
    if (values.signer !== undefined) {
      const key = await signerPublicKey(io, values, published);
      if (keys.some((k) => k.kid === key.thumbprint)) throw new UsageError(`the key ${key.thumbprint} is given twice (--signer)`);
      keys.push(externalSigningKey(values.signer, key, { env: io.env, timeoutSeconds: signerTimeout(values['signer-timeout']) }));
    }
    const keyring = await readKeyring(io, values.keyring ?? DEFAULT_KEYRING_FILE);
    for (const key of keys) {
      const record = keyring.keys.find((k) => k.kid === key.kid);
      if (record?.status === 'retired')
        p.warn(
          `the key ${key.kid} was retired on ${record.retired ?? 'an earlier date'}: readers that use the published key set no longer trust it`,
        );
      else if (published && !published.kids.includes(key.kid))
        p.warn(`the key ${key.kid} is not in the published key set ${jwksFile}: readers that use it will refuse this document`);
    }
    // The announcements of next keys that are still valid, newest first, as many as readers take.
    const announcements = keyring.announcements
      .filter((a) => Date.parse(readAnnouncement(a.jws)?.expires ?? '') > now.getTime())
      .reverse()
      .slice(0, MAX_ANNOUNCEMENTS);
    const signed = serializeJws(await signPosture(input, keys, announcements));

    const expiry = relativeExpiry(new Date(doc.expires), now);
    if (expiry.expired)
      p.warn(`the document's expires date (${doc.expires}) has passed: readers will refuse it; set new dates with --valid-for`);
    // WebKitGTK's Ed25519 crashes the page on signing inputs over about 64 KiB (an engine bug, seen with 2.50).
    if (signed.length > 60_000 && keys.some((k) => k.alg === 'EdDSA')) {
      p.warn(
        'this document is large: WebKitGTK browsers (2.50) crash when verifying Ed25519 signatures over about 64 KiB; sign large documents with an ES256 key only (keygen --alg es256)',
      );
    }
    if (previous !== undefined && doc.sequence <= previous) {
      p.warn(
        `sequence ${doc.sequence} is not above the previous release's (${previous}): pass --sequence ${previous + 1}, or leave sequence out of the document for sign to count it`,
      );
    }
    if (Date.parse(doc.issued) > now.getTime() + 5 * 60_000)
      p.warn(`the document's issued date (${doc.issued}) is in the future: readers will refuse it until then`);

    const how = (field: Derived['field']) => {
      const d = derived.find((x) => x.field === field);
      return d ? `  ${p.style.dim(`(${d.how})`)}` : '';
    };
    if (outFile === undefined) {
      // The document goes to stdout: what sign chose is said on stderr.
      for (const d of derived) p.err(`${p.style.dim(`${d.field}: ${String(doc[d.field])} (${d.how})`)}`);
      p.write(signed);
      return EXIT_OK;
    }
    await writing(io, outFile, 'signed document', () => writeAtomic(outFile, signed));
    const s = p.style;
    p.out(`${s.green('✓')} signed ${file} → ${displayPath(io, outFile)}`);
    p.table([
      ['issuer', `${doc.issuer}${how('issuer')}`],
      ['organization', doc.organization.name],
      ['sequence', `${doc.sequence}${how('sequence')}`],
      ['issued', doc.issued],
      ['expires', `${doc.expires}  ${s.dim(`(${expiry.text})`)}${how('expires')}`],
      ['signed by', keys.map((k) => `${k.kid} (${k.alg})`).join(', ')],
    ]);
    return EXIT_OK;
  },
};

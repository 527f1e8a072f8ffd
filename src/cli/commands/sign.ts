/** `trust-elements sign FILE --key KEYFILE …`: validates a document and signs it with every key. */
import {
  claimedVersion,
  FORMAT_MINOR,
  FORMAT_VERSION,
  serializeJws,
  signPosture,
  validatePosture,
  type SigningKey,
} from '../../core/index.js';
import { helpHint, parseCommand, type Command } from '../command.js';
import { excerpt } from '../display.js';
import { CliError, EXIT_OK, issueLines, UsageError } from '../errors.js';
import { displayPath, guardOutput, looksSigned, readText, resolvePath, writeAtomic, writing } from '../files.js';
import { parseJsonText } from '../json.js';
import { loadSigningKey } from '../keyfiles.js';
import { shellArg } from '../output.js';
import { applyRelease, DEFAULT_VALIDITY, namedPreviousSequence, previousSequence, releaseHints, type Derived } from '../release.js';
import { relativeExpiry } from '../time.js';

const usage = `Usage: trust-elements sign FILE --key KEYFILE [--key KEYFILE2 …] [options]

Validates the unsigned document FILE, then signs it with every key given: one JWS (General
JSON Serialization) with one signature per key. Sign with two keys while rotating keys, or
with an Ed25519 and an ES256 key so that older browsers can check it too.

What FILE leaves out, sign sets (and says so): the issuer is the origin of organization.url;
issued is now and expires ${DEFAULT_VALIDITY} later; the sequence is one above that of the previous
release (--previous, else the signed document already in OUT), or 1. Options override the document.

Options:
  --key KEYFILE         a private key file made by 'trust-elements keygen' (repeatable; at least one)
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
        help: { type: 'boolean', short: 'h' },
      },
      { min: 1, max: 1, name: 'the FILE to sign' },
    );
    const file = positionals[0]!;
    const keyFiles = values.key ?? [];
    if (keyFiles.length === 0)
      throw new UsageError("sign needs at least one --key KEYFILE (a private key made by 'trust-elements keygen')", helpHint('sign'));
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
    for (const keyFile of keyFiles) {
      const key = await loadSigningKey(io, keyFile);
      if (keys.some((k) => k.kid === key.kid)) throw new UsageError(`the key ${key.kid} is given twice (${keyFile})`);
      keys.push(key);
    }
    const signed = serializeJws(await signPosture(input, keys));

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

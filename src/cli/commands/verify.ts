/** `trust-elements verify SIGNED`: checks a signed document's signatures, format, issuer and dates. */
import {
  DEFAULT_MAX_BYTES,
  discoveryUrl,
  PostureError,
  fetchJsonBytes,
  expiredPosture,
  isPostureError,
  loadPosture,
  refuseRollback,
  verifyPosture,
  WELL_KNOWN_JWKS,
  type VerifiedPosture,
} from '../../core/index.js';
import { MAX_JWKS_BYTES } from '../../core/load.js';
import { parsePins } from '../../core/pins.js';
import { helpHint, parseCommand, type Command } from '../command.js';
import { excerpt } from '../display.js';
import { EXIT_FAILURE, EXIT_OK, hintFor, issueLines, postureMessage, UsageError } from '../errors.js';
import { isUrl, readBytes, readText } from '../files.js';
import { refuseBrokenJson } from '../json.js';
import { parseJwks } from '../keyfiles.js';
import type { Io, Printer } from '../output.js';
import { documentKey, parseMinSequence, readState, remember } from '../sequence-state.js';
import { parseInstant, relativeExpiry } from '../time.js';

const usage = `Usage: trust-elements verify SIGNED [--jwks FILE_OR_URL] [--pin THUMBPRINT …] [options]

Checks a signed posture document the way the web components do: a signature by a trusted
key, the typ header, the format, the issuer, and the dates. SIGNED is a file or an http(s) URL.

Where the trusted keys come from:
  --jwks FILE_OR_URL    the publisher's key set (for a local file: required without --pin)
  (no --jwks, a URL)    discovery: the key set at the document's origin,
                        ${WELL_KNOWN_JWKS}; the document's issuer must be that
                        origin (unless --pin names the keys to trust)
  --pin THUMBPRINT      trust only the key(s) with this key id (repeatable, or several
                        separated by spaces); a --pin that is empty or not a key id
                        trusts nothing (pin-invalid), it never falls back to discovery;
                        a pinned key the signed file carries needs no key set

Options:
  --issuer ORIGIN       require the document's issuer to be ORIGIN
  --now DATE            judge the dates as of DATE (2027-01-01 or 2027-01-01T12:00:00Z)
  --min-sequence N      refuse a document whose sequence is below N (rolled-back)
  --state FILE          remember in FILE the highest sequence verified per issuer and
                        document, and refuse a lower one later (rolled-back)
  --json                print the result as JSON (with the verified document)
  -h, --help            show this help

Exit status: 0 verified, 1 not verified (or expired), 2 wrong usage.`;

function normalizeOrigin(text: string): string {
  try {
    const url = new URL(text);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/' && !url.search && !url.hash && !url.username)
      return url.origin;
  } catch {
    /* reported below */
  }
  throw new UsageError(`--issuer '${excerpt(text)}' is not an origin: write it as https://example.com`, helpHint('verify'));
}

interface Request {
  source: string;
  jwks: string | undefined;
  /**
   * The --pin values as given; undefined when there is no --pin (trust the key set, or
   * discovery). A --pin that is given is parsed by the core's parsePins: empty ("", " ") or
   * malformed, it is refused as `pin-invalid` and trusts nothing, never read as "no pin".
   */
  pins: string[] | undefined;
  issuer: string | undefined;
  now: Date;
}

/** Verifies; returns where the keys came from. Throws PostureError when it does not verify. */
async function check(io: Io, r: Request): Promise<{ posture: VerifiedPosture; keys: string }> {
  const fetch = io.fetch;
  const pins = r.pins === undefined ? undefined : parsePins(r.pins);
  const options = { pins, issuer: r.issuer, now: r.now };
  if (isUrl(r.source) && (r.jwks === undefined || isUrl(r.jwks))) {
    // The network path the web components use: discovery at the origin, or a named key set URL.
    const loaded = await loadPosture(r.source, { pins, now: r.now, fetch, ...(r.jwks !== undefined && { keys: r.jwks }) }).catch(
      (error: unknown) => {
        const expired = expiredPosture(error);
        if (expired && r.issuer !== undefined) requireIssuer(expired, r.issuer);
        throw error;
      },
    );
    if (r.issuer !== undefined) requireIssuer(loaded, r.issuer);
    return { posture: loaded, keys: keysShown(loaded, r.jwks === undefined ? `${loaded.keysUrl} (discovered)` : loaded.keysUrl) };
  }
  const bytes = isUrl(r.source)
    ? await fetchJsonBytes(r.source, 'signed document', { fetch, maxBytes: DEFAULT_MAX_BYTES })
    : await readBytes(io, r.source, 'signed document');
  refuseBrokenJson(bytes, 'document');
  if (r.jwks === undefined) {
    // Only with --pin (checked by run): the pinned key must be among those the file carries.
    const posture = await verifyPosture(bytes, { ...options, loadJwks: noKeySet });
    return { posture, keys: keysShown(posture, '') };
  }
  const jwksText = isUrl(r.jwks!)
    ? new TextDecoder().decode(await fetchJsonBytes(r.jwks!, 'key set', { fetch, maxBytes: MAX_JWKS_BYTES }))
    : await readText(io, r.jwks!, 'key set');
  const jwks = parseJwks(jwksText, r.jwks!);
  const posture = await verifyPosture(bytes, { jwks, ...options });
  return { posture, keys: keysShown(posture, r.jwks!) };
}

const noKeySet = (): never => {
  throw new PostureError('no-trusted-signature', 'The file carries no keys, and no key set was given: give --jwks FILE_OR_URL.');
};

/** Where the keys came from, for the summary: the key set, or the pinned keys the file carries. */
const keysShown = (posture: VerifiedPosture, keySet: string): string =>
  posture.keysFrom === 'document' ? 'the pinned key(s) the document carries' : keySet;

function requireIssuer(posture: VerifiedPosture, issuer: string): void {
  if (posture.issuer !== issuer) {
    throw new PostureError(
      'issuer-mismatch',
      `The document says it is issued by ${posture.issuer}, but ${issuer} was required (--issuer).`,
    );
  }
}

function details(posture: VerifiedPosture, keys: string, now: Date, p: Printer): [string, string][] {
  const expiry = relativeExpiry(posture.expires, now);
  const s = p.style;
  return [
    ['issuer', posture.issuer],
    ['organization', posture.document.organization.name],
    ['signed by', posture.signers.map((k) => `${k.thumbprint} (${k.alg})`).join(', ')],
    ['issued', posture.document.issued],
    ['expires', `${posture.document.expires}  ${expiry.expired ? s.red(`(${expiry.text})`) : s.dim(`(${expiry.text})`)}`],
    ['sequence', String(posture.document.sequence)],
    ['keys', keys],
  ];
}

function jsonResult(source: string, posture: VerifiedPosture | undefined, keys: string | undefined, now: Date, error?: PostureError) {
  const verifiedPart = posture && {
    issuer: posture.issuer,
    organization: posture.document.organization.name,
    signers: posture.signers.map((k) => ({ kid: k.thumbprint, alg: k.alg })),
    issued: posture.document.issued,
    expires: posture.document.expires,
    expired: relativeExpiry(posture.expires, now).expired,
    daysLeft: relativeExpiry(posture.expires, now).daysLeft,
    sequence: posture.document.sequence,
    keys,
    document: posture.document,
  };
  return {
    verified: !error,
    source,
    ...(error && { error: { code: error.code, message: postureMessage(error), ...(error.issues.length && { issues: error.issues }) } }),
    ...verifiedPart,
  };
}

export const verify: Command = {
  name: 'verify',
  summary: 'check a signed document (file or URL) against trusted keys',
  usage,
  async run(argv, { io, p }) {
    const { values, positionals } = parseCommand(
      'verify',
      argv,
      {
        jwks: { type: 'string' },
        pin: { type: 'string', multiple: true },
        issuer: { type: 'string' },
        now: { type: 'string' },
        'min-sequence': { type: 'string' },
        state: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      { min: 1, max: 1, name: 'the SIGNED file or URL to verify' },
    );
    const source = positionals[0]!;
    if (!isUrl(source) && values.jwks === undefined && values.pin === undefined) {
      throw new UsageError(
        `a local file needs --jwks FILE_OR_URL, the key set to check it against, or --pin with the key it carries (only a URL can discover its keys at the origin's ${WELL_KNOWN_JWKS})`,
        helpHint('verify'),
      );
    }
    const request: Request = {
      source,
      jwks: values.jwks,
      pins: values.pin,
      issuer: values.issuer === undefined ? undefined : normalizeOrigin(values.issuer),
      now: values.now === undefined ? io.now() : parseInstant(values.now),
    };

    // Read before anything is fetched: a wrong value or a broken state file is refused first.
    const minSequence = values['min-sequence'] === undefined ? undefined : parseMinSequence(values['min-sequence']);
    const state = values.state === undefined ? undefined : await readState(io, values.state);
    let result: { posture: VerifiedPosture; keys: string } | undefined;
    let failure: PostureError | undefined;
    try {
      result = await check(io, request);
    } catch (error) {
      if (!isPostureError(error)) throw error;
      failure = error;
    }
    // No rollback: an older sequence than --min-sequence or the state file remembers is refused.
    const checked = result?.posture ?? expiredPosture(failure);
    if (checked) {
      const key = documentKey(io, checked.issuer, source);
      const remembered = state?.highest[key];
      const highest = Math.max(minSequence ?? -1, remembered ?? -1);
      try {
        refuseRollback(checked, highest < 0 ? undefined : highest);
        if (values.state !== undefined)
          await remember(
            io,
            values.state,
            state!,
            key,
            checked.document.sequence,
            [source, values.jwks ?? ''].filter((f) => f && !isUrl(f)),
          );
      } catch (error) {
        if (!isPostureError(error)) throw error;
        result = undefined;
        failure = error;
      }
    }
    // An expired document did verify: show what was verified, but still fail.
    const expired = expiredPosture(failure);
    const posture = result?.posture ?? expired;
    const keys = result?.keys ?? (expired && keysShown(expired, request.jwks ?? `${discoveryUrl(source)} (discovered)`));

    if (values.json) {
      p.json(jsonResult(source, posture, keys, request.now, failure));
      return failure ? EXIT_FAILURE : EXIT_OK;
    }
    const s = p.style;
    if (failure) {
      p.out(`${s.red('✗')} ${s.bold(failure.code)}: ${postureMessage(failure)}`);
      for (const line of issueLines(failure.issues)) p.out(`  ${line}`);
      const hint = hintFor(failure);
      if (hint) p.out(`  ${s.dim(`hint: ${hint}`)}`);
      const cause = (failure.cause as { cause?: { message?: string; code?: string } } | undefined)?.cause;
      if (cause?.message || cause?.code)
        p.out(`  ${s.dim(`cause: ${excerpt(`${cause.code ?? ''}${cause.code && cause.message ? ' ' : ''}${cause.message ?? ''}`, 200)}`)}`);
      if (posture) {
        p.out(`  ${s.dim('The signatures are valid, but the document is out of date. What was verified:')}`);
        p.table(details(posture, keys!, request.now, p), '    ');
      }
      return EXIT_FAILURE;
    }
    p.out(`${s.green('✓')} verified  ${s.dim(source)}`);
    p.table(details(result!.posture, result!.keys, request.now, p));
    return EXIT_OK;
  },
};

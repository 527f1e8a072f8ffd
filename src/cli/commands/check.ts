/**
 * `trust-elements check FILE|URL`: for a cron job in CI. Exits non-zero when the published
 * document will expire soon, when the hosting headers would make the elements fail on other
 * sites (where `verify URL`, which is no browser, still says "verified"), or when the published
 * key set lacks a key that signed the document.
 */
import { decode } from '../../core/base64url.js';
import { headersOf } from '../../core/jws.js';
import {
  DEFAULT_MAX_BYTES,
  isPostureError,
  toGeneralJws,
  trustedKeys,
  verifyPosture,
  WELL_KNOWN_JWKS,
  type FetchLike,
} from '../../core/index.js';
import { MAX_JWKS_BYTES } from '../../core/load.js';
import { helpHint, parseCommand, type Command } from '../command.js';
import { excerpt } from '../display.js';
import { CliError, EXIT_FAILURE, EXIT_OK, postureMessage, UsageError } from '../errors.js';
import { isUrl, readBytes } from '../files.js';
import { parseDuration, parseInstant, addDuration, relativeExpiry } from '../time.js';

const usage = `Usage: trust-elements check FILE|URL [--expires-within 30d] [--jwks FILE_OR_URL] [--now DATE]

For a scheduled job: checks a published document the way visitors' browsers will meet it,
and exits 1 when something needs doing:
  expiry     it expires within --expires-within (default 30d): sign and publish a new one
  signature  it verifies with the published key set (its issuer's ${WELL_KNOWN_JWKS},
             or --jwks), and that key set holds every key that signed it
  headers    (a URL) the document and the key set are served with
               Access-Control-Allow-Origin: *      (else pages on other sites cannot read them)
               Content-Type: application/json      (the elements accept JSON only)
               X-Content-Type-Options: nosniff
Every check runs; each prints one line.

Options:
  --expires-within D  how soon an expiry counts (30d, 8w, P1M …; default 30d)
  --jwks FILE_OR_URL  the key set to check against, instead of the issuer's published one
  --now DATE          check as of DATE instead of now
  -h, --help          show this help

Exit status: 0 all good, 1 something to fix, 2 wrong usage.`;

// As the elements accept it (core/load.ts): application/json or application/…+json.
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

interface Finding {
  ok: boolean;
  check: string;
  text: string;
}

/** A resource fetched for checking: its bytes, and what its headers would do to a browser. */
async function fetched(fetch: FetchLike, url: string, what: string, maxBytes: number): Promise<{ bytes: Uint8Array; findings: Finding[] }> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new CliError(`cannot fetch the ${what} ${excerpt(url, 100)}: ${excerpt((error as Error).message, 200)}`);
  }
  if (!response.ok) throw new CliError(`the ${what} ${excerpt(url, 100)} answered HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw new CliError(`the ${what} ${excerpt(url, 100)} is larger than ${maxBytes} bytes`);
  const header = (name: string) => response.headers.get(name);
  const cors = header('access-control-allow-origin');
  const type = header('content-type');
  const sniff = header('x-content-type-options');
  const at = `${what} ${excerpt(url, 100)}`;
  return {
    bytes,
    findings: [
      cors === '*'
        ? { ok: true, check: 'headers', text: `${at}: Access-Control-Allow-Origin: *` }
        : {
            ok: false,
            check: 'headers',
            text: `${at}: Access-Control-Allow-Origin is ${cors === null ? 'missing' : `"${excerpt(cors, 60)}"`}: send "*", or the elements on other sites cannot read it`,
          },
      type !== null && JSON_TYPE.test(type)
        ? { ok: true, check: 'headers', text: `${at}: Content-Type: ${excerpt(type, 60)}` }
        : {
            ok: false,
            check: 'headers',
            text: `${at}: Content-Type is ${type === null ? 'missing' : `"${excerpt(type, 60)}"`}: send application/json, the only type the elements accept`,
          },
      sniff?.toLowerCase() === 'nosniff'
        ? { ok: true, check: 'headers', text: `${at}: X-Content-Type-Options: nosniff` }
        : {
            ok: false,
            check: 'headers',
            text: `${at}: X-Content-Type-Options is not nosniff: send it, so no browser guesses another type`,
          },
    ],
  };
}

export const check: Command = {
  name: 'check',
  summary: 'for CI: fail when the published document expires soon, is served wrongly, or lacks its key',
  usage,
  async run(argv, { io, p }) {
    const { values, positionals } = parseCommand(
      'check',
      argv,
      {
        'expires-within': { type: 'string', default: '30d' },
        jwks: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      { min: 1, max: 1, name: 'the published document (FILE or URL) to check' },
    );
    const within = parseDuration(values['expires-within']);
    if (!within)
      throw new UsageError(`--expires-within '${excerpt(values['expires-within'])}' is not a duration such as 30d`, helpHint('check'));
    const now = values.now === undefined ? io.now() : parseInstant(values.now);
    const source = positionals[0]!;
    const findings: Finding[] = [];
    const fail = (check: string, text: string) => findings.push({ ok: false, check, text });

    let bytes: Uint8Array;
    if (isUrl(source)) {
      const got = await fetched(io.fetch ?? globalThis.fetch, source, 'document', DEFAULT_MAX_BYTES);
      bytes = got.bytes;
      findings.push(...got.findings);
    } else {
      bytes = await readBytes(io, source, 'signed document');
    }

    // The document is read unverified first: its issuer says where its key set is published.
    let issuer: string | undefined;
    let kids: string[] = [];
    try {
      const jws = toGeneralJws(JSON.parse(new TextDecoder().decode(bytes)));
      kids = headersOf(jws)
        .map((h) => h.kid)
        .filter((kid): kid is string => typeof kid === 'string');
      const payload = JSON.parse(new TextDecoder().decode(decode(jws.payload))) as { issuer?: unknown } | null;
      issuer = typeof payload?.issuer === 'string' ? payload.issuer : undefined;
    } catch {
      fail('signature', `${excerpt(source, 100)} is not a signed posture document`);
    }

    const jwksSource = values.jwks ?? (issuer ? `${issuer}${WELL_KNOWN_JWKS}` : undefined);
    let jwks: unknown;
    if (jwksSource !== undefined && issuer !== undefined) {
      try {
        if (isUrl(jwksSource)) {
          const got = await fetched(io.fetch ?? globalThis.fetch, jwksSource, 'key set', MAX_JWKS_BYTES);
          jwks = JSON.parse(new TextDecoder().decode(got.bytes));
          // The key set's headers matter where browsers fetch it: the issuer's own.
          if (values.jwks === undefined || isUrl(source)) findings.push(...got.findings);
        } else {
          jwks = JSON.parse(new TextDecoder().decode(await readBytes(io, jwksSource, 'key set')));
        }
      } catch (error) {
        fail('signature', `cannot read the key set ${excerpt(jwksSource, 100)}: ${excerpt((error as Error).message, 200)}`);
      }
    }

    if (jwks !== undefined) {
      const published = new Set((await trustedKeys(jwks).catch(() => [])).map((k) => k.thumbprint));
      const missing = kids.filter((kid) => !published.has(kid));
      if (missing.length)
        fail('keys', `the key set ${excerpt(jwksSource!, 100)} lacks the signing key(s) ${missing.join(', ')}: publish it with them`);
      else findings.push({ ok: true, check: 'keys', text: `the key set holds the signing key(s) ${kids.join(', ')}` });
      try {
        const posture = await verifyPosture(bytes, { jwks, now });
        findings.push({
          ok: true,
          check: 'signature',
          text: `verified: ${excerpt(posture.document.organization.name, 60)}, sequence ${posture.document.sequence}`,
        });
        const soon = addDuration(now, within);
        const expiry = relativeExpiry(posture.expires, now);
        if (posture.expires.getTime() <= soon.getTime())
          fail(
            'expiry',
            `${posture.document.expires} (${expiry.text}), within ${values['expires-within']}: sign and publish a new version`,
          );
        else findings.push({ ok: true, check: 'expiry', text: `${posture.document.expires} (${expiry.text})` });
      } catch (error) {
        if (!isPostureError(error)) throw error;
        fail(error.code === 'expired' ? 'expiry' : 'signature', `${error.code}: ${excerpt(postureMessage(error), 300)}`);
      }
    }

    const s = p.style;
    for (const f of findings) p.out(`${f.ok ? s.green('✓') : s.red('✗')} ${f.check.padEnd(9)} ${f.text}`);
    const failed = findings.filter((f) => !f.ok).length;
    p.out(failed ? `${failed} problem${failed === 1 ? '' : 's'} to fix` : 'all checks passed');
    return failed ? EXIT_FAILURE : EXIT_OK;
  },
};

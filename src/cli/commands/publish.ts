/**
 * `trust-elements publish DIR`: puts a verified document and its public keys at the
 * well-known paths of a static site directory, with the response headers readers need.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decode } from '../../core/base64url.js';
import {
  WELL_KNOWN_DIR,
  WELL_KNOWN_DOCUMENT,
  WELL_KNOWN_JWKS,
  isPostureError,
  toGeneralJws,
  verifyPosture,
  type VerifiedPosture,
} from '../../core/index.js';
import { helpHint, parseCommand, type Command } from '../command.js';
import { CliError, EXIT_OK, hintFor, issueLines, postureMessage, UsageError } from '../errors.js';
import { excerpt } from '../display.js';
import { HEADERS, headersBlock, mergeHeaders } from '../headers-file.js';
import { displayPath, guardOutput, readBytes, readText, resolvePath, writeAtomic, writing } from '../files.js';
import { refuseBrokenJson } from '../json.js';
import { parseJwks, refusePrivateMembers } from '../keyfiles.js';
import type { Io, Printer } from '../output.js';
import { SECURITY_TXT_MARK, SECURITY_TXT_PATH, securityTxt } from '../security-txt.js';
import { parseInstant, relativeExpiry } from '../time.js';

export { HEADERS, headersBlock, mergeHeaders } from '../headers-file.js';

const usage = `Usage: trust-elements publish DIR --document SIGNED --jwks JWKS [--page PATH] [--cdn] [--now DATE]

Verifies SIGNED with the key set JWKS (it refuses what does not verify or has expired),
then writes into the static site directory DIR:
  DIR${WELL_KNOWN_DOCUMENT}  the signed document, byte for byte
  DIR${WELL_KNOWN_JWKS}     the key set (public keys only)
  DIR${SECURITY_TXT_PATH}               RFC 9116: Contact from the document's security contacts,
                                               Expires no later than the document's, Policy,
                                               Preferred-Languages, Canonical (a security.txt that
                                               publish did not write is kept as it is)
  DIR/index.html (--page)                      the trust center as a static page: pre-rendered from
                                               the verified document (readable without JavaScript
                                               and by search engines), then verified in the browser
                                               by the element script beside it (with its SRI hash)
  DIR/feed.atom, DIR/feed.json                 change feeds (Atom, JSON Feed 1.1) beside the page:
                                               the change log, and what changed since the version
                                               published before in DIR
  DIR/_headers                                 response headers for ${WELL_KNOWN_DIR}/*,
                                               security.txt and the feeds (Netlify, Cloudflare
                                               Pages); other rules in it are kept
A page or feed that publish did not write is kept as it is (use --page for another file).
Running it again is safe; other files in DIR are never touched. Deploy DIR at the
document's issuer origin, where readers look for it.

Options:
  --document SIGNED   the signed document (from 'trust-elements sign')
  --jwks JWKS         the key set with the signing key(s) (from 'trust-elements keygen')
  --page PATH         write the static page to PATH (inside DIR) instead of DIR/index.html
  --cdn               load the element script from jsDelivr (same file, same SRI hash)
                      instead of copying it beside the page
  --url URL           the page's public URL (default: the issuer and the page's path)
  --css FILE          your stylesheet for the page (colours and fonts through the
                      --trust-* custom properties, ::part() rules), linked after the
                      page's own; copied beside the page unless it is in DIR already
  --now DATE          check the dates as of DATE instead of now
  --force             publish although the published document has the same or a
                      higher sequence (readers that saw it refuse an older one)
  -h, --help          show this help`;

async function readIfExists(file: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const text = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));

const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

/** The sequence of a document already published (not verified: only to warn about going backwards). */
function publishedSequence(bytes: Uint8Array | undefined): number | undefined {
  if (!bytes) return undefined;
  try {
    const jws = toGeneralJws(JSON.parse(new TextDecoder().decode(bytes)));
    const sequence = (JSON.parse(new TextDecoder().decode(decode(jws.payload))) as { sequence?: unknown }).sequence;
    return typeof sequence === 'number' ? sequence : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The members of a public key that are published; nothing else of the input is copied. */
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'kid', 'alg', 'use'] as const;

/**
 * The key set to publish, rebuilt: for each Ed25519 or P-256 signature key in `keys`, only its
 * public members. Keys that readers skip (other types, another `use`, `key_ops` without
 * "verify") are left out rather than changed into keys they would trust. Returns the names of
 * what was left out, for a warning.
 */
export function publicKeySet(jwks: unknown): { keys: Record<string, string>[]; dropped: string[] } {
  const entries = isObject(jwks) && Array.isArray(jwks.keys) ? jwks.keys : [];
  const keys: Record<string, string>[] = [];
  const dropped: string[] = [];
  entries.forEach((entry, i) => {
    const usable =
      isObject(entry) &&
      ((entry.kty === 'OKP' && entry.crv === 'Ed25519') || (entry.kty === 'EC' && entry.crv === 'P-256')) &&
      (entry.use === undefined || entry.use === 'sig') &&
      (entry.key_ops === undefined || (Array.isArray(entry.key_ops) && entry.key_ops.includes('verify')));
    if (!usable) return void dropped.push(`keys[${i}]`);
    const key: Record<string, string> = {};
    for (const name of PUBLIC_MEMBERS) if (typeof entry[name] === 'string') key[name] = entry[name];
    keys.push(key);
  });
  if (isObject(jwks))
    dropped.push(
      ...Object.keys(jwks)
        .filter((k) => k !== 'keys')
        .map((k) => `"${excerpt(k, 30)}"`),
    );
  return { keys, dropped };
}

async function verifyForPublishing(
  io: Io,
  documentFile: string,
  jwksFile: string,
  now: Date,
): Promise<{ bytes: Uint8Array; jwks: { keys: Record<string, string>[] }; dropped: string[]; posture: VerifiedPosture }> {
  const bytes = await readBytes(io, documentFile, 'signed document');
  const input = parseJwks(await readText(io, jwksFile, 'key set'), jwksFile);
  refusePrivateMembers(input, jwksFile, 'publish it');
  // What is published is rebuilt from public members only, and the document must verify with exactly that.
  const { keys, dropped } = publicKeySet(input);
  const jwks = { keys };
  try {
    refuseBrokenJson(bytes, 'document');
    return { bytes, jwks, dropped, posture: await verifyPosture(bytes, { jwks, now }) };
  } catch (error) {
    if (!isPostureError(error)) throw error;
    throw new CliError(`refusing to publish ${documentFile}: ${error.code}: ${postureMessage(error)}`, {
      details: [...issueLines(error.issues), ...[hintFor(error)].filter((h) => h !== undefined).map((h) => `hint: ${h}`)],
    });
  }
}

export const publish: Command = {
  name: 'publish',
  summary: 'verify, then lay out the well-known files (and _headers) in a site directory',
  usage,
  async run(argv, { io, p }) {
    const { values, positionals } = parseCommand(
      'publish',
      argv,
      {
        document: { type: 'string' },
        jwks: { type: 'string' },
        now: { type: 'string' },
        force: { type: 'boolean', default: false },
        page: { type: 'string' },
        cdn: { type: 'boolean', default: false },
        url: { type: 'string' },
        css: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      { min: 1, max: 1, name: 'the site DIR to publish into' },
    );
    if (values.document === undefined) throw new UsageError('publish needs --document SIGNED, the signed document', helpHint('publish'));
    if (values.jwks === undefined)
      throw new UsageError('publish needs --jwks JWKS, the key set to verify with and publish', helpHint('publish'));
    const now = values.now === undefined ? io.now() : parseInstant(values.now);
    const dir = resolvePath(io, positionals[0]!);

    const { bytes, jwks, dropped, posture } = await verifyForPublishing(io, values.document, values.jwks, now);
    if (dropped.length)
      p.warn(
        `not published from ${values.jwks} (only the public members of Ed25519 and P-256 signature keys are): ${excerpt(dropped.join(', '), 200)}`,
      );

    const dirStat = await stat(dir).catch(() => undefined);
    if (dirStat && !dirStat.isDirectory()) throw new CliError(`${displayPath(io, dir)} is not a directory`);
    const documentFile = path.join(dir, ...WELL_KNOWN_DOCUMENT.split('/'));
    const jwksFile = path.join(dir, ...WELL_KNOWN_JWKS.split('/'));
    const headersFile = path.join(dir, '_headers');
    await writing(io, path.dirname(documentFile), 'directory', () => mkdir(path.dirname(documentFile), { recursive: true }));

    // No rollback: a new version needs a higher sequence (readers refuse a lower one than they saw);
    // publishing the very same file again is a no-op, not a new version.
    const published = await readIfExists(documentFile).catch(() => undefined);
    const previous = publishedSequence(published);
    if (previous !== undefined && previous >= posture.document.sequence && !same(published, bytes)) {
      const what = `the published document has sequence ${previous}, and this one ${posture.document.sequence}`;
      if (!values.force)
        throw new CliError(
          `refusing to publish ${values.document}: ${what}; readers that verified ${previous} refuse an older or equal one as rolled back. Sign it with --sequence ${previous + 1}, or publish with --force`,
        );
      p.warn(`${what}: published anyway (--force); readers that verified ${previous} will refuse it`);
    }

    const pageFile = values.page === undefined ? path.join(dir, 'index.html') : resolvePath(io, values.page);
    const { siteFiles } = await import('../static-site.js');
    const site = await siteFiles(
      dir,
      posture,
      { page: pageFile, cdn: values.cdn, url: values.url, css: values.css === undefined ? undefined : resolvePath(io, values.css) },
      { document: published, feed: await readIfExists(path.join(path.dirname(pageFile), 'feed.json')).catch(() => undefined) },
    );

    const existingHeaders = await readIfExists(headersFile).catch(() => undefined);
    const headersText = existingHeaders === undefined ? undefined : new TextDecoder().decode(existingHeaders);
    const merged = mergeHeaders(headersText, headersBlock(site.headerRules));
    const outside = mergeHeaders(headersText, '').includes(WELL_KNOWN_DIR);
    if (outside)
      p.warn(`${displayPath(io, headersFile)} has other rules for ${WELL_KNOWN_DIR}: check that they agree with the ones written here`);

    const inputs = [
      { file: values.document, what: 'signed document' },
      { file: values.jwks, what: 'key set' },
      ...(values.css === undefined ? [] : [{ file: values.css, what: 'stylesheet' }]),
    ];
    for (const [file, what] of [
      [documentFile, 'published document'],
      [jwksFile, 'published key set'],
      [headersFile, 'headers file'],
    ] as const) {
      await guardOutput(io, file, what, inputs);
    }
    const files: [string, Uint8Array, string][] = [
      [documentFile, bytes, 'signed document'],
      [jwksFile, new TextEncoder().encode(`${JSON.stringify(jwks, null, 2)}\n`), 'key set'],
      [headersFile, new TextEncoder().encode(merged), 'headers file'],
    ];
    const rows: [string, string][] = [];
    const securityFile = path.join(dir, ...SECURITY_TXT_PATH.split('/'));
    const security = securityTxt(posture.document);
    const existingSecurity = await readIfExists(securityFile).catch(() => undefined);
    if (security === undefined) rows.push(['skipped', `${displayPath(io, securityFile)} (the document names no security contact)`]);
    else if (existingSecurity !== undefined && !new TextDecoder().decode(existingSecurity).startsWith(SECURITY_TXT_MARK)) {
      rows.push(['kept', `${displayPath(io, securityFile)} (not written by publish: remove it to have one made from the document)`]);
    } else {
      await guardOutput(io, securityFile, 'security.txt', inputs);
      files.push([securityFile, new TextEncoder().encode(security), 'security.txt']);
    }
    for (const f of site.files) {
      const existing = text(await readIfExists(f.file).catch(() => undefined));
      if (f.ours !== undefined && existing !== undefined && !existing.includes(f.ours)) {
        rows.push([
          'kept',
          `${displayPath(io, f.file)} (not written by publish${f.what === 'static page' ? ': --page names another file' : ''})`,
        ]);
        continue;
      }
      await guardOutput(io, f.file, f.what, inputs);
      files.push([f.file, f.content, f.what]);
    }
    for (const [file, content, what] of files) {
      await writing(io, path.dirname(file), 'directory', () => mkdir(path.dirname(file), { recursive: true }));
      const unchanged = same(await readIfExists(file).catch(() => undefined), content);
      if (!unchanged) await writing(io, file, what, () => writeAtomic(file, content));
      rows.push([unchanged ? 'unchanged' : 'written', displayPath(io, file)]);
    }

    const s = p.style;
    const doc = posture.document;
    p.out(
      `${s.green('✓')} published ${doc.organization.name}, sequence ${doc.sequence} (${relativeExpiry(posture.expires, now).text}), signed by ${posture.signers.map((k) => k.thumbprint).join(', ')}`,
    );
    p.table(rows);
    printHostNote(p, doc.issuer);
    return EXIT_OK;
  },
};

function printHostNote(p: Printer, issuer: string): void {
  const s = p.style;
  p.out();
  p.out(`Deploy it at ${issuer}: readers fetch ${issuer}${WELL_KNOWN_DOCUMENT}`);
  p.out(`and discover its keys at ${issuer}${WELL_KNOWN_JWKS}.`);
  p.out(`${s.dim('_headers is read by Netlify and Cloudflare Pages. Elsewhere (nginx, S3/CloudFront, …), send for')} ${WELL_KNOWN_DIR}/*:`);
  for (const [name, value] of HEADERS) p.out(`  ${name}: ${value}`);
  p.out(s.dim('  (CORS "*" lets any page read these public files; JSON is the only type readers accept;'));
  p.out(s.dim('   5 minutes fresh, then a stale copy for up to a day while it refreshes; never sniffed.)'));
  p.out(`and for ${SECURITY_TXT_PATH}: Content-Type: text/plain; charset=utf-8`);
  p.out(
    s.dim(`  nginx: location ${WELL_KNOWN_DIR}/ { default_type application/json; add_header Access-Control-Allow-Origin "*" always; … }`),
  );
  p.out(`and for the feeds beside the page: feed.atom as application/atom+xml, feed.json as application/feed+json.`);
}

/**
 * What `publish` writes besides the well-known files: the static trust-center page (pre-rendered
 * from the verified document), the element script it upgrades with (copied beside it, with its
 * SRI hash, or named on a public CDN), and the change feeds. A page or feed that `publish` did not
 * write is kept, never replaced.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decode } from '../core/base64url.js';
import { toGeneralJws, WELL_KNOWN_DOCUMENT, type VerifiedPosture } from '../core/index.js';
import { GENERATOR_META, renderPage } from '../ssr/page.js';
import { elementScript, SCRIPT } from './element-script.js';
import { CliError } from './errors.js';
import {
  atomFeed,
  carriedEntries,
  changelogEntries,
  FEED_ATOM,
  FEED_GENERATOR,
  FEED_JSON,
  feedEntries,
  jsonFeed,
  releaseEntry,
  type FeedMeta,
} from './feed.js';
import { version } from './version.js';

export interface SiteOptions {
  /** The page file, inside the site directory (default DIR/index.html). */
  page: string;
  /** Load the script from jsDelivr instead of a copy beside the page. */
  cdn: boolean;
  /** The page's public URL (default: the issuer origin and the page's path). */
  url?: string | undefined;
  /** The vendor's stylesheet (colours, fonts, logo size: `--trust-*` custom properties and `::part()`), linked after the page's own. */
  css?: string | undefined;
}

export interface SiteFile {
  file: string;
  content: Uint8Array;
  what: string;
  /** When set, an existing file is replaced only if its text includes this (publish wrote it). */
  ours?: string;
}

const text = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));

/** The payload of a document published before (read, not verified: it only feeds the diff). */
export function publishedDocument(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(decode(toGeneralJws(JSON.parse(text(bytes)!)).payload)));
  } catch {
    return undefined;
  }
}

/** The name of the vendor's stylesheet when publish copies it beside the page. */
const STYLESHEET = 'trust-center.css';

async function readCss(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new CliError(`cannot read the stylesheet --css ${file}`);
  }
}

/** The URL path of `file` when it lies inside `dir`, else undefined. */
const urlPathOrNothing = (dir: string, file: string): string | undefined => {
  const rel = path.relative(dir, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : `/${rel.split(path.sep).join('/')}`;
};

/** The URL path of `file` under `dir` (`index.html` → its folder), or an error when it is outside. */
export function urlPath(dir: string, file: string): string {
  const rel = path.relative(dir, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    throw new CliError(`--page ${file} must be a file inside the site directory ${dir}`);
  const web = `/${rel.split(path.sep).join('/')}`;
  return web.endsWith('/index.html') ? web.slice(0, -'index.html'.length) : web;
}

/**
 * The files of the static trust center for `posture`: page, script (unless on the CDN), feeds.
 * `previous` holds the document published before in the folder and the feed.json beside the page.
 */
export async function siteFiles(
  dir: string,
  posture: VerifiedPosture,
  options: SiteOptions,
  previous: { document: Uint8Array | undefined; feed: Uint8Array | undefined },
): Promise<{ files: SiteFile[]; headerRules: string }> {
  const doc = posture.document;
  const pagePath = urlPath(dir, options.page);
  const folder = pagePath.slice(0, pagePath.lastIndexOf('/') + 1);
  const folderFile = (name: string) => path.join(path.dirname(options.page), name);
  const origin = doc.issuer;
  const canonical = options.url ?? `${origin}${pagePath}`;

  const script = await elementScript();
  const integrity = `sha384-${createHash('sha384').update(script).digest('base64')}`;
  const scriptName = `trust-center-${version()}.min.js`;
  const scriptSrc = options.cdn ? `https://cdn.jsdelivr.net/npm/trust-elements@${version()}/dist/cdn/${SCRIPT}` : `${folder}${scriptName}`;

  const meta: FeedMeta = {
    title: `${doc.organization.name}: security, privacy and sub-processor changes`,
    page: canonical,
    atomUrl: `${origin}${folder}${FEED_ATOM}`,
    jsonUrl: `${origin}${folder}${FEED_JSON}`,
    author: doc.organization.name,
    language: doc.language,
  };
  const before = publishedDocument(previous.document);
  const release = releaseEntry(before, doc);
  const entries = feedEntries([carriedEntries(text(previous.feed), doc), changelogEntries(doc), release ? [release] : []]);

  // A stylesheet already in the site is linked where it is; one from elsewhere is copied beside the page.
  const inSite = options.css === undefined ? undefined : urlPathOrNothing(dir, options.css);
  const copyCss = options.css !== undefined && inSite === undefined;
  const stylesheet = options.css === undefined ? undefined : (inSite ?? `${folder}${STYLESHEET}`);

  const page = renderPage(posture, {
    ...(stylesheet !== undefined && { stylesheet }),
    documentUrl: WELL_KNOWN_DOCUMENT,
    script: { src: scriptSrc, integrity },
    canonical,
    feeds: { atom: `${folder}${FEED_ATOM}`, json: `${folder}${FEED_JSON}` },
  });
  const encode = (s: string) => new TextEncoder().encode(s);
  const files: SiteFile[] = [
    { file: options.page, content: encode(page), what: 'static page', ours: GENERATOR_META },
    { file: folderFile(FEED_ATOM), content: encode(atomFeed(meta, entries, doc.issued)), what: 'Atom feed', ours: FEED_GENERATOR },
    { file: folderFile(FEED_JSON), content: encode(jsonFeed(meta, entries)), what: 'JSON feed', ours: FEED_GENERATOR },
  ];
  if (!options.cdn) files.push({ file: folderFile(scriptName), content: script, what: 'element script' });
  if (copyCss) files.push({ file: folderFile(STYLESHEET), content: await readCss(options.css!), what: 'stylesheet' });
  // The feeds are public and read by feed readers and other sites' scripts alike.
  const headerRules =
    `${folder}${FEED_ATOM}\n  Content-Type: application/atom+xml; charset=utf-8\n  Access-Control-Allow-Origin: *\n` +
    `${folder}${FEED_JSON}\n  Content-Type: application/feed+json; charset=utf-8\n  Access-Control-Allow-Origin: *\n`;
  return { files, headerRules };
}

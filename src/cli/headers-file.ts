/**
 * The `_headers` file (Netlify, Cloudflare Pages) that `publish` keeps up to date: its own block,
 * between marker lines, replaced in place; every other rule in the file kept.
 */
import { WELL_KNOWN_DIR } from '../core/index.js';
import { SECURITY_TXT_PATH } from './security-txt.js';

/**
 * The response headers for everything under the well-known directory:
 * - CORS `*`: the files are public and the components fetch them without credentials, so any
 *   page may read them (that is the point); `*` never exposes cookies.
 * - `application/json`: the components refuse documents and key sets served as anything else.
 * - Cache: fresh for 5 minutes, so a new document or a removed key reaches readers quickly;
 *   after that a cache may answer with the old copy for up to a day while it fetches the new
 *   one in the background, so pages stay fast and survive a short outage. Staleness is
 *   bounded anyway: the document is signed and carries its own expiry.
 * - `nosniff`: browsers never guess another type (such as HTML) from the content.
 */
export const HEADERS: readonly (readonly [string, string])[] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Content-Type', 'application/json'],
  ['Cache-Control', 'public, max-age=300, stale-while-revalidate=86400'],
  ['X-Content-Type-Options', 'nosniff'],
];

const BEGIN = '# trust-elements: begin (written by `trust-elements publish`; edits between these lines are replaced)';
const END = '# trust-elements: end';
const BEGIN_LINE = /^# trust-elements: begin.*$/m;
const END_LINE = /^# trust-elements: end.*$/m;

/** The `_headers` rules (Netlify, Cloudflare Pages) for the well-known directory, security.txt, and `extraRules` (the feeds). */
export const headersBlock = (extraRules = ''): string =>
  `${BEGIN}\n${WELL_KNOWN_DIR}/*\n${HEADERS.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n` +
  `${SECURITY_TXT_PATH}\n  Content-Type: text/plain; charset=utf-8\n${extraRules}${END}\n`;

/** Puts our block into an existing `_headers` file: replaced in place when present, else appended. */
export function mergeHeaders(existing: string | undefined, block = headersBlock()): string {
  if (!existing?.trim()) return block;
  const begin = BEGIN_LINE.exec(existing);
  if (begin) {
    const rest = existing.slice(begin.index);
    const end = END_LINE.exec(rest);
    if (end) {
      const after = existing.slice(begin.index + end.index + end[0].length).replace(/^\r?\n/, '');
      return existing.slice(0, begin.index) + block + after;
    }
  }
  return `${existing.replace(/\s*$/, '')}\n\n${block}`;
}

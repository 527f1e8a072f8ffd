/**
 * The README's recipes as tests run them: the code blocks of one section, exactly as written, and
 * a command line split as a POSIX shell would; plus a fetch that answers the README's
 * https://vendor.example from a loopback server.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { FetchLike } from '../../src/core/index.js';

export const README = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
export const VENDOR_ORIGIN = 'https://vendor.example';

/** The code blocks (```lang) of the README section with this heading, as their non-empty lines. */
export function recipeBlocks(heading: string, lang = 'sh'): string[][] {
  const start = README.indexOf(heading);
  assert.ok(start >= 0, `the README has the section "${heading}"`);
  const section = README.slice(start, README.indexOf('\n### ', start + 1));
  return [...section.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) =>
    m[1]!.split('\n').filter((line) => line.trim() !== ''),
  );
}

/** A command line as a POSIX shell splits it: words, "double-quoted" words, and a trailing `# comment` dropped. */
export function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(#.*$)|(\S+)/g)) {
    if (m[2] !== undefined) break;
    out.push(m[1] ?? m[3]!);
  }
  return out;
}

/** A fetch that serves the README's https://vendor.example from `origin` (a loopback server). */
export const vendorFetch =
  (origin: string): FetchLike =>
  async (input, init) => {
    const url = String(input);
    const res = await globalThis.fetch(url.startsWith(VENDOR_ORIGIN) ? origin + url.slice(VENDOR_ORIGIN.length) : url, init);
    return new Response(await res.arrayBuffer(), { status: res.status, statusText: res.statusText, headers: res.headers });
  };

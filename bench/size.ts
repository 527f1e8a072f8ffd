/**
 * Size: gzip and brotli bytes of every CDN file, and of Lit + @lit/context alone bundled and
 * minified the same way, so our own share is visible.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildCdn, type CdnFile } from '../scripts/build.js';
import { root } from './bundle.js';

export interface SizeRow {
  name: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

export interface SizeResult {
  files: SizeRow[];
  /** Lit and @lit/context with just the API the elements use. */
  lit: SizeRow;
  /** The all-in-one file less Lit (compressed sizes do not add up exactly: indicative). */
  ownShare: SizeRow;
  /** The all-in-one file's text, for the pages that load it. */
  allInOne: string;
  /** The file per element, by name. */
  sources: Record<string, string>;
}

const compressed = (name: string, code: Uint8Array): SizeRow => ({
  name,
  bytes: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** Every Lit export the elements import, kept (exported) so nothing is shaken out. */
const LIT_ENTRY = `
export { LitElement, html, css, nothing } from 'lit';
export { property, state } from 'lit/decorators.js';
export { ifDefined } from 'lit/directives/if-defined.js';
export { ContextProvider, ContextConsumer, ContextRoot, createContext } from '@lit/context';
`;

export async function litAlone(): Promise<SizeRow> {
  const result = await build({
    stdin: { contents: LIT_ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'lit-alone.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  return compressed('lit + @lit/context', result.outputFiles[0]!.contents);
}

/** Builds the CDN files into a temporary folder (dist/ is left as it is) and measures them. */
export async function measureSize(): Promise<SizeResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trust-bench-cdn-'));
  try {
    const built: CdnFile[] = await buildCdn(dir);
    const sources: Record<string, string> = {};
    for (const f of built) sources[f.name] = await readFile(path.join(dir, path.basename(f.file)), 'utf8');
    const files = built.map(({ file, bytes, gzip, brotli }) => ({ name: path.basename(file), bytes, gzip, brotli }));
    const lit = await litAlone();
    const all = files[0]!;
    const ownShare = { name: 'own share (all-in-one − lit)', bytes: all.bytes - lit.bytes, gzip: all.gzip - lit.gzip, brotli: all.brotli - lit.brotli };
    return { files, lit, ownShare, allInOne: sources[built[0]!.name]!, sources };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

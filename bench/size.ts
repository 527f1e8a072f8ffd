/**
 * Size: gzip and brotli bytes of every CDN file, and of Lit + @lit/context alone bundled and
 * minified the same way, so our own share is visible; and the floor under any element (Lit and the
 * core's loadPosture), with the core alone and its signature check alone, so a size budget can be
 * weighed against what it would leave for the elements themselves.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { buildCdn, CDN_BUILD, compressedSizes, secondPass, type CdnFile } from '../scripts/build.js';
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
  /**
   * What any element needs before it draws anything: Lit + @lit/context, and the core's
   * `loadPosture` (fetch, verify, validate). The floor under every CDN file.
   */
  floor: SizeRow;
  /** The core's `loadPosture` alone, and its signature check alone (bench/verify-only.ts: verifyJws + trustedKeys, no validation, no loader). */
  core: SizeRow;
  verifyOnly: SizeRow;
  /** The all-in-one file's text, for the pages that load it. */
  allInOne: string;
  /** The file per element, by name. */
  sources: Record<string, string>;
}

/** Every Lit export the elements import, kept (exported) so nothing is shaken out. */
const LIT_ENTRY = `
export { LitElement, html, css, nothing } from 'lit';
export { property, state } from 'lit/decorators.js';
export { ifDefined } from 'lit/directives/if-defined.js';
export { ContextProvider, ContextConsumer, ContextRoot, createContext } from '@lit/context';
`;

const CORE_ENTRY = `export { loadPosture } from './src/core/index.js';`;
const VERIFY_ENTRY = `export * from './bench/verify-only.ts';`;

export const litAlone = () => bundled('lit + @lit/context', LIT_ENTRY);

/** `contents` as one module, bundled and minified like the CDN files. */
async function bundled(name: string, contents: string): Promise<SizeRow> {
  const result = await build({ ...CDN_BUILD, stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: `${name}.ts` } });
  return { name, ...compressedSizes(await secondPass(result.outputFiles[0]!.text)) };
}

/** What every element needs before it draws anything (Lit, @lit/context, the core's loadPosture), the core alone, and its signature check alone. */
export async function floorSizes(): Promise<Pick<SizeResult, 'floor' | 'core' | 'verifyOnly'>> {
  return {
    floor: await bundled('floor: lit + @lit/context + loadPosture', LIT_ENTRY + CORE_ENTRY),
    core: await bundled('core: loadPosture (fetch, verify, validate)', CORE_ENTRY),
    verifyOnly: await bundled('core: signature check only (verifyJws + trustedKeys)', VERIFY_ENTRY),
  };
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
    const ownShare = {
      name: 'own share (all-in-one − lit)',
      bytes: all.bytes - lit.bytes,
      gzip: all.gzip - lit.gzip,
      brotli: all.brotli - lit.brotli,
    };
    const { floor, core, verifyOnly } = await floorSizes();
    return { files, lit, ownShare, floor, core, verifyOnly, allInOne: sources[built[0]!.name]!, sources };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

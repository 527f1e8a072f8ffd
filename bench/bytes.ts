/**
 * Where every byte of a CDN file goes: its minified bytes by source group (Lit, @lit/context,
 * the core, the element base, each element, styles, English words, languages), from esbuild's
 * metafile, with each group's share of the file's gzip bytes (an estimate: gzip does not split
 * by source, so the share is in proportion to minified bytes). `npm run bench:size` prints it for
 * the all-in-one file and the badge alone, then the floor under both (Lit, @lit/context and the
 * core's loadPosture bundled alone); `npm run bench` includes it.
 */
import path from 'node:path';
import { bundleCdnFile, CDN_ENTRIES, compressedSizes } from '../scripts/build.js';
import { root } from './bundle.js';
import { floorSizes, litAlone } from './size.js';
import { formatTable } from './table.js';

export interface ByteGroup {
  group: string;
  bytes: number;
  /** The group's share of the file's gzip bytes, in proportion to its minified bytes. */
  gzipShare: number;
}

/** The group a bundled source file belongs to. */
function groupOf(input: string): string {
  const file = input.replace(/\\/g, '/');
  if (file.includes('node_modules/@lit/context/')) return '@lit/context';
  if (file.includes('node_modules/')) return 'lit';
  if (file.startsWith('src/core/')) return 'core (fetch, verify, validate)';
  if (file.endsWith('.styles.ts')) return 'styles';
  if (file.endsWith('words.ts')) return 'English words';
  if (file.startsWith('src/elements/i18n')) return 'languages (lookup, loading, hashes)';
  const element = /^src\/elements\/([a-z-]+)\//.exec(file)?.[1];
  if (element) return `<${element}>`;
  if (file.startsWith('src/elements/')) return 'element base (loading, states, seal, problems)';
  return 'registration';
}

/** The byte groups of the CDN file `name` (a key of CDN_ENTRIES), largest first, and the file's own sizes. */
export async function byteGroups(name: string): Promise<{ groups: ByteGroup[]; bytes: number; gzip: number }> {
  const { code, metafile } = await bundleCdnFile(CDN_ENTRIES[name]!);
  const { bytes, gzip } = compressedSizes(code);
  const output = Object.values(metafile.outputs)[0]!;
  const sums = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
    sums.set(groupOf(input), (sums.get(groupOf(input)) ?? 0) + bytesInOutput);
  const counted = [...sums.values()].reduce((a, b) => a + b, 0);
  const groups = [...sums].map(([group, b]) => ({ group, bytes: b, gzipShare: Math.round((gzip * b) / counted) }));
  return { groups: groups.sort((a, b) => b.bytes - a.bytes), bytes, gzip };
}

/** The table for the all-in-one file and the badge alone. */
export async function byteTable(): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const name of ['trust-elements', 'trust-badge']) {
    const { groups, bytes, gzip } = await byteGroups(name);
    for (const g of groups) rows.push([`${name}.min.js`, g.group, g.bytes, `≈${g.gzipShare}`]);
    rows.push([`${name}.min.js`, 'total', bytes, gzip]);
  }
  // The floor under every file: what any element needs before its own code, styles and words.
  const { floor, core, verifyOnly } = await floorSizes();
  for (const row of [await litAlone(), floor, core, verifyOnly]) rows.push(['(alone)', row.name, row.bytes, row.gzip]);
  return formatTable(['file', 'where the bytes go', 'minified', 'gzip'], rows);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(root, 'bench/bytes.ts')) console.log(await byteTable());

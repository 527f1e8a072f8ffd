/**
 * `npm run manifest`: custom-elements.json from the elements' JSDoc, by the analyzer, with its
 * modules sorted by path — the analyzer lists them in file-system glob order, which can change from
 * run to run on a busy machine. `--check` exits non-zero when the committed file is stale.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_PATH = path.join(root, 'custom-elements.json');

export async function buildManifest(): Promise<string> {
  const outdir = await mkdtemp(path.join(root, '.manifest-'));
  try {
    execFileSync(
      process.execPath,
      [
        'node_modules/@custom-elements-manifest/analyzer/cem.js',
        'analyze',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--outdir',
        path.relative(root, outdir),
        '--quiet',
      ],
      { cwd: root, stdio: 'pipe' },
    );
    const manifest = JSON.parse(await readFile(path.join(outdir, 'custom-elements.json'), 'utf8')) as { modules: { path: string }[] };
    manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return `${JSON.stringify(manifest, null, 2)}\n`;
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await buildManifest();
  if (process.argv.includes('--check')) {
    if (text !== (await readFile(MANIFEST_PATH, 'utf8').catch(() => ''))) {
      console.error('custom-elements.json is stale: run npm run manifest');
      process.exit(1);
    }
  } else {
    await writeFile(MANIFEST_PATH, text);
    console.log('wrote custom-elements.json');
  }
}

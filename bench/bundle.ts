/**
 * Bundles for the browser side: the product's CDN files (built by scripts/build.ts' `buildCdn`,
 * into a temporary folder so dist/ is left alone), and the bench page (bench/page.ts), minified
 * the same way, with the one difference that its size limit is raised (see BENCH_MAX_BYTES).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { defineModules, minifyLiterals } from '../scripts/build.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The bench page's document size limit. The product's is 1 MiB (`DEFAULT_MAX_BYTES`), and the
 * elements have no attribute to change it; 10,000 controls and sub-processors take about 2.1 MB
 * signed, so the bench page alone is built with this limit instead. Nothing else differs.
 */
export const BENCH_MAX_BYTES = 4 * 1024 * 1024;

/** The bench's own differences: the raised size limit, and define/all imported from bench/. */
const benchPlugin: Plugin = {
  name: 'bench',
  setup(b) {
    // The bench page imports src/define/all from outside src/define: keep its side effects too.
    b.onResolve({ filter: /[\\/]src[\\/]define[\\/]all\.js$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')),
      sideEffects: true,
    }));
    b.onLoad({ filter: /[\\/]src[\\/]core[\\/]verify\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const raised = source.replace(/export const DEFAULT_MAX_BYTES = [^;]+;/, `export const DEFAULT_MAX_BYTES = ${BENCH_MAX_BYTES};`);
      if (raised === source) throw new Error('bench: DEFAULT_MAX_BYTES not found in src/core/verify.ts');
      return { contents: raised, loader: 'ts' };
    });
  },
};

/** bench/page.ts as one minified ES module. */
export async function buildBenchPage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'bench/page.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    plugins: [benchPlugin, defineModules, minifyLiterals],
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

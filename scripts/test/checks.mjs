// @ts-check
// The steps before the tests: typecheck (the TypeScript, and the .mjs scripts through their
// JSDoc), lint and format (ESLint, Prettier) and build (dist/, the CDN files, the size budget).
// A failure counts; the tests still run.
import { createRequire } from 'node:module';
import path from 'node:path';
import { run } from './processes.mjs';
import { fail, secs, step, summary } from './tally.mjs';

const require = createRequire(import.meta.url);

/** tsc over each project; one summary line for all. */
export async function typecheck(projects = ['tsconfig.json', 'tsconfig.scripts.json']) {
  const tsc = require.resolve('typescript/bin/tsc');
  let ms = 0;
  const failed = [];
  for (const project of projects) {
    step(`typecheck: tsc -p ${project}`);
    const r = await run(process.execPath, [tsc, '-p', project], { label: 'tsc' });
    ms += r.ms;
    if (r.code === 0) {
      console.log(`[test] typecheck passed (${secs(r.ms)})`);
    } else {
      console.log(`[test] typecheck FAILED (exit ${r.code}, ${secs(r.ms)})`);
      failed.push(project);
    }
  }
  if (failed.length === 0) {
    summary.push(`typecheck: ok (${secs(ms)})`);
  } else {
    summary.push(`typecheck: FAILED in ${failed.join(', ')} (${secs(ms)})`);
    fail('typecheck');
  }
}

/** ESLint (eslint.config.js) and Prettier's check (.prettierrc.json): one summary line for both. */
export async function lint() {
  const failed = [];
  let ms = 0;
  for (const [name, bin, args] of /** @type {const} */ ([
    ['eslint', 'eslint/bin/eslint.js', ['.']],
    ['prettier', 'prettier/bin/prettier.cjs', ['--check', '--log-level', 'warn', '.']],
  ])) {
    step(`lint: ${name} ${args.join(' ')}`);
    // Packages' `exports` hide their bin files from require.resolve: find them beside package.json.
    const entry = path.join(path.dirname(require.resolve(`${name}/package.json`)), bin.slice(name.length + 1));
    const r = await run(process.execPath, [entry, ...args], { label: name });
    ms += r.ms;
    if (r.code !== 0) {
      console.log(`[test] ${name} FAILED (exit ${r.code}): see above${name === 'prettier' ? '; `npx prettier --write .` formats' : ''}`);
      failed.push(name);
    }
  }
  if (failed.length === 0) {
    summary.push(`lint and format: ok (${secs(ms)})`);
  } else {
    summary.push(`lint and format: FAILED in ${failed.join(', ')} (${secs(ms)})`);
    fail('lint');
  }
}

/** dist/ and the CDN files, which the package and CDN tests use; the size budget fails it. */
export async function build() {
  step('build: npm run build (size budget checked)');
  const r = await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--check-budget'], { label: 'build' });
  if (r.code === 0) {
    summary.push(`build: ok, within the size budget (${secs(r.ms)})`);
  } else {
    console.log(`[test] build FAILED (exit ${r.code}): see above (over the size budget?)`);
    summary.push(`build: FAILED (${secs(r.ms)})`);
    fail('build');
  }
}

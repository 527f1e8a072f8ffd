// @ts-check
// The steps before the tests: typecheck (the TypeScript, and the .mjs scripts through their
// JSDoc) and build (dist/, the CDN files, the size budget). A failure counts; the tests still run.
import { createRequire } from 'node:module';
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

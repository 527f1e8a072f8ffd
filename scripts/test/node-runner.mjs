// @ts-check
// Node tests (test/cli, test/node): node:test through tsx, counted from the spec reporter's
// closing lines.
import { run } from './processes.mjs';
import { fail, secs, step, summary, totals } from './tally.mjs';

/** @param {string[]} files */
export async function runNodeTests(files) {
  step(`node tests: ${files.length} file(s)`);
  const r = await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    capture: true,
    label: 'node --test',
  });
  // spec reporter's closing lines: "ℹ tests 3", "ℹ pass 2", "ℹ fail 0", "ℹ skipped 1", ...
  /** @param {string} name */
  const num = (name) => {
    const m = [...r.out.matchAll(new RegExp(`^\\s*ℹ ${name} (\\d+)\\s*$`, 'gm'))].pop();
    return m ? Number(m[1]) : null;
  };
  const pass = num('pass');
  const failN = num('fail');
  const cancelled = num('cancelled') ?? 0;
  const skipped = (num('skipped') ?? 0) + (num('todo') ?? 0);
  if (pass === null || failN === null) {
    fail('node tests: no summary from node --test');
    summary.push(`node: no result (exit ${r.code}, ${secs(r.ms)})`);
    return;
  }
  totals.passed += pass;
  totals.failed += failN + cancelled;
  totals.skipped += skipped;
  let extra = '';
  if (r.code !== 0 && failN + cancelled === 0) {
    fail('node --test exited non-zero without a failed test');
    extra = `, exit ${r.code}`;
  }
  if (pass + failN + cancelled + skipped === 0) fail('node tests: zero tests ran');
  summary.push(
    `node: ${pass} passed, ${failN + cancelled} failed${skipped ? `, ${skipped} skipped` : ''} (${files.length} files, ${secs(r.ms)}${extra})`,
  );
}

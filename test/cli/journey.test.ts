/**
 * The vendor's journey, from an empty folder, run exactly as the README's recipe writes it:
 * every command of its code blocks in order, with https://vendor.example served from the
 * published folder on a loopback server. Then a release after that, as the README writes it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { cli, readJson, tempDir, type Result } from './helpers.js';
import { recipeBlocks, vendorFetch, words } from './readme.js';
import { serveDir } from './serve.js';

test('README vendor recipe, from an empty folder: init → validate → keygen → sign → publish → verify, then the next release with diff', async () => {
  const dir = await tempDir();
  const site = await serveDir(path.join(dir, 'public'));
  // The README's https://vendor.example is the loopback server that serves the published folder.
  const fetch = vendorFetch(site.origin);
  const runLine = async (line: string): Promise<Result> => {
    const argv = words(line);
    assert.deepEqual(argv.slice(0, 2), ['npx', 'trust-elements'], line);
    const stdin = Object.assign(new PassThrough().end(), { isTTY: false });
    const r = await cli(dir, argv.slice(2), { fetch, stdin });
    assert.equal(r.code, 0, `${line}\n${r.stdout}${r.stderr}`);
    return r;
  };
  try {
    const [first, next] = recipeBlocks('### A vendor: sign and publish with the CLI');
    assert.ok(first && next, 'two code blocks: the first release, and every release after');
    assert.deepEqual((await readdir(dir)).sort(), [], 'an empty folder');

    const outputs = [];
    for (const line of first) outputs.push(await runLine(line));
    assert.deepEqual(
      first.map((line) => words(line)[2]),
      ['init', 'validate', 'keygen', 'sign', 'publish', 'verify'],
    );
    assert.match(outputs[1]!.stdout, /^✓ valid/);
    assert.match(outputs[5]!.stdout, /^✓ verified/);
    assert.match(outputs[5]!.stdout, /sequence +1\b/);
    const wk = path.join(dir, 'public', '.well-known');
    assert.deepEqual((await readdir(path.join(wk, 'trust-elements'))).sort(), ['jwks.json', 'posture.json']);
    assert.match(await readFile(path.join(wk, 'security.txt'), 'utf8'), /^Contact: mailto:security@vendor\.example$/m);

    // The next release: a sub-processor added to posture.json.
    const doc = await readJson(path.join(dir, 'posture.json'));
    doc.subprocessors.entries.push({ name: 'Stripe', purpose: 'Payments' });
    await writeFile(path.join(dir, 'posture.json'), `${JSON.stringify(doc, null, 2)}\n`);
    const results = [];
    for (const line of next) results.push(await runLine(line));
    assert.deepEqual(
      next.map((line) => words(line)[2]),
      ['sign', 'diff', 'publish'],
    );
    assert.match(results[0]!.stdout, /sequence +2 +\(one above the previous release, 1/);
    const diff = results[1]!.stdout;
    assert.match(diff, /\(sequence 1\) → posture\.signed\.json \(sequence 2\)/);
    assert.match(diff, /^Sub-processors\n {2}\+ Stripe — Payments$/m);
    const verifyAgain = await runLine(first[5]!);
    assert.match(verifyAgain.stdout, /sequence +2\b/);
  } finally {
    await site.close();
  }
});

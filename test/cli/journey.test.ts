/**
 * The vendor's journey, from an empty folder, run exactly as the README's recipe writes it:
 * every command of its code blocks in order, with https://vendor.example served from the
 * published folder on a loopback server. The static page is opened in Chromium with JavaScript
 * off (the facts are there, not claimed verified) and on (verified). Then a release after that,
 * as the README writes it: the feed has an entry for the changed sub-processor and diff names it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { inPage, readAtom, visibleText, withChromium } from './chromium.js';
import { cli, readJson, tempDir, type Result } from './helpers.js';
import { recipeBlocks, VENDOR_ORIGIN as ORIGIN, vendorFetch, words } from './readme.js';
import { serveDir } from './serve.js';
import { selfSignedCertificate } from './tls.js';

test('README vendor recipe, from an empty folder: init → validate → keygen → sign → publish → verify → the static page with JavaScript off and on, then the next release with diff, the feed and the CI check', async () => {
  const dir = await tempDir();
  const site = await serveDir(path.join(dir, 'public'));
  // The browser reaches https://vendor.example at a second, https server of the same folder.
  const secure = await serveDir(path.join(dir, 'public'), await selfSignedCertificate('vendor.example'));
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
    const [first, next, ci] = recipeBlocks('### A vendor: sign and publish with the CLI');
    assert.ok(first && next && ci, 'three code blocks: the first release, every release after, and the CI check');
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

    // The static page, as a visitor sees it.
    const starter = await readJson(path.join(dir, 'posture.json'));
    const facts = [starter.organization.name, starter.categories[0].controls[0].title, starter.subprocessors.entries[0].name];
    await withChromium(
      async (browser) => {
        const off = await browser.newPage();
        await off.setJavaScriptEnabled(false);
        await off.goto(`${ORIGIN}/`, { waitUntil: 'load' });
        const text = await inPage(off, visibleText);
        for (const fact of facts) assert.ok(text.includes(fact), `JavaScript off: shows "${fact}"`);
        assert.match(text, /Signed document — not verified on this page yet/);
        assert.doesNotMatch(text, /\bVerified\b/);
        const on = await browser.newPage();
        await on.goto(`${ORIGIN}/`, { waitUntil: 'load' });
        await on.waitForSelector('trust-center[state=verified]', { timeout: 10_000 });
        const verified = await inPage(on, visibleText);
        assert.match(verified, /✓ Verified signed by vendor\.example's published key/);
        for (const fact of facts) assert.ok(verified.includes(fact), `JavaScript on: shows "${fact}"`);
      },
      { 'vendor.example': `127.0.0.1:${secure.port}` },
    );

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

    // The scheduled check passes: fresh, served right, its key published.
    for (const line of ci) assert.match((await runLine(line)).stdout, /^all checks passed$/m);
    assert.deepEqual(
      ci.map((line) => words(line)[2]),
      ['check'],
    );

    // The change feed has an entry for it, above the starter's change-log entry.
    const feed = await readJson(path.join(dir, 'public', 'feed.json'));
    assert.deepEqual(
      feed.items.map((i: { title: string }) => i.title),
      ['Sub-processor added: Stripe — Payments', starter.changelog[0].summary],
    );
    const atom = await readFile(path.join(dir, 'public', 'feed.atom'), 'utf8');
    const parsed = await withChromium((browser) => readAtom(browser, atom));
    assert.equal(parsed.error, null);
    assert.deepEqual(
      parsed.entries.map((e) => e.title),
      ['Sub-processor added: Stripe — Payments', starter.changelog[0].summary],
    );
  } finally {
    await site.close();
    await secure.close();
  }
});

/**
 * `trust-elements preview`: the unsigned draft through the real elements on a loopback port,
 * marked as an unsigned preview (banner, watermark, no seal), validation problems with their
 * JSON paths on the page, and a re-render on every save. The real executable, seen in Chromium.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inPage, visibleText, withChromium } from './chromium.js';
import { cli, MAIN, tempDir } from './helpers.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const TSCONFIG = path.resolve(path.dirname(MAIN), '../../tsconfig.json');

/** Starts `trust-elements preview` in `dir`; resolves with its URL once it listens. */
function startPreview(dir: string) {
  const child = spawn(process.execPath, ['--import', tsx, MAIN, 'preview', 'posture.json', '--port', '0'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', TSX_TSCONFIG_PATH: TSCONFIG },
  });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`preview exited (${code}): ${out}`)));
  });
  const stop = () =>
    new Promise<number | null>((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : (child.once('exit', resolve), child.kill('SIGTERM')),
    );
  return { url, stop, output: () => out };
}

test('preview: the draft through the elements, marked unsigned, with its problems by JSON path, re-rendered on save', async () => {
  const dir = await tempDir();
  assert.equal((await cli(dir, ['init', '--name', 'Vendor Example', '--domain', 'vendor.example'])).code, 0);
  const file = path.join(dir, 'posture.json');
  const draft = JSON.parse(await readFile(file, 'utf8'));
  const preview = startPreview(dir);
  try {
    const url = await preview.url;
    await withChromium(async (browser) => {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('trust-center[state=verified]', { timeout: 10_000 });
      let text = await inPage(page, visibleText);
      assert.match(text, /^UNSIGNED PREVIEW of posture\.json \(Vendor Example\) — not signed, not verified, not your trust page/);
      assert.ok(text.includes(draft.categories[0].controls[0].title), 'the draft, rendered');
      assert.doesNotMatch(text, /\bVerified\b|signed by/, 'no seal: the throwaway key proves nothing');
      assert.equal(await page.title(), 'UNSIGNED PREVIEW — posture.json');
      const watermark = await inPage(page, () => getComputedStyle(document.body, '::after').backgroundImage);
      assert.match(decodeURIComponent(watermark), /UNSIGNED PREVIEW/);

      // A save with a mistake: the page reloads and names it by its JSON path.
      const broken = structuredClone(draft);
      broken.categories[0].controls[0].status = 'done';
      let reloaded = page.waitForNavigation({ waitUntil: 'load' });
      await writeFile(file, JSON.stringify(broken, null, 2));
      await reloaded;
      text = await inPage(page, visibleText);
      assert.match(text, /1 problem in posture\.json \$\.categories\[0\]\.controls\[0\]\.status must be one of/);
      assert.equal(
        await inPage(page, () => document.querySelector('trust-center') === null),
        true,
        'nothing rendered from an invalid draft',
      );

      // Fixed, and renamed: rendered again.
      reloaded = page.waitForNavigation({ waitUntil: 'load' });
      await writeFile(file, JSON.stringify({ ...draft, organization: { ...draft.organization, name: 'Renamed Vendor' } }, null, 2));
      await reloaded;
      await page.waitForSelector('trust-center[state=verified]', { timeout: 10_000 });
      text = await inPage(page, visibleText);
      assert.doesNotMatch(text, /problem/);
      assert.ok(text.includes('Renamed Vendor'));
    });
  } finally {
    assert.equal(await preview.stop(), 0, preview.output());
  }
});

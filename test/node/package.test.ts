/**
 * The npm package as users get it (after `npm run build`): every export resolves to a built file,
 * the core from dist verifies what the CLI from dist signed, and the CDN files carry their
 * integrity hashes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

test('every export, types entry, bin and the customElements field point at files that exist', () => {
  const targets: string[] = [pkg.main, pkg.types, pkg.unpkg, pkg.customElements, ...Object.values(pkg.bin as Record<string, string>)];
  for (const [key, value] of Object.entries(pkg.exports as Record<string, string | { types: string; default: string }>)) {
    if (key.includes('*')) continue;
    if (typeof value === 'string') targets.push(value);
    else targets.push(value.types, value.default);
  }
  const missing = targets.filter((t) => !existsSync(path.join(root, t)));
  assert.deepEqual(missing, [], 'run npm run build first');
});

test('the built CLI signs and the built core verifies, in plain Node', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'te-pkg-'));
  const cli = path.join(root, pkg.bin['trust-elements']);
  const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(run('--version').trim(), pkg.version);
  run('keygen', '--alg', 'es256');
  run(
    'sign',
    path.join(root, 'demo/documents/personalityai.json'),
    '--key',
    'trust-elements.key.json',
    '--valid-for',
    '30d',
    '--out',
    'signed.json',
  );
  const core = await import(path.join(root, pkg.exports['./core'].default));
  const verified = await core.verifyPosture(await readFile(path.join(dir, 'signed.json')), {
    jwks: await readFile(path.join(dir, 'jwks.json'), 'utf8'),
  });
  assert.equal(verified.document.organization.name, 'PersonalityAI');
  assert.equal(verified.signers[0].alg, 'ES256');
  await writeFile(path.join(dir, 'done'), '');
});

test('each CDN file has its Subresource Integrity hash beside it', async () => {
  const sizes = JSON.parse(await readFile(path.join(root, 'dist/cdn/sizes.json'), 'utf8')) as {
    file: string;
    integrity: string;
    name: string;
    gzip: number;
  }[];
  assert.ok(sizes.length >= 5);
  for (const { file, integrity } of sizes) {
    const code = await readFile(path.join(root, file));
    const expected = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    assert.equal(integrity, expected, file);
    assert.equal((await readFile(path.join(root, `${file}.sri`), 'utf8')).trim(), expected, file);
  }
  for (const { name, gzip } of sizes)
    if (name !== 'reserve')
      assert.ok(gzip <= pkg.sizeBudget[name]!, `${name} (${gzip} gzip bytes) is within its ceiling of ${pkg.sizeBudget[name]}`);
  for (const language of ['de', 'fr', 'es', 'it', 'nl', 'pt', 'ja'])
    assert.ok(existsSync(path.join(root, `dist/cdn/i18n/${language}.json`)), `dist/cdn/i18n/${language}.json is built`);
});

test('no built script asks bundlers to treat the language folder as an asset: no new URL("…", import.meta.url)', async () => {
  // Vite and webpack rewrite that form (Vite in dev dropped the folder's last /, and the language
  // files were asked for one folder up, refused, English shown); the CDN build's minifier once put a
  // variable back into that form. A site that serves the CDN file through its own bundler must get it as written.
  const assetForm = /\bnew\s+URL\s*\(\s*(["'`])[^"'`]*\1\s*,\s*import\.meta\.url\s*[,)]/;
  const scripts = [
    ...(await readdir(path.join(root, 'dist/cdn'))).filter((f) => f.endsWith('.js')).map((f) => `dist/cdn/${f}`),
    ...(await readdir(path.join(root, 'dist/elements'), { recursive: true }))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `dist/elements/${f}`),
  ];
  assert.ok(scripts.includes('dist/cdn/trust-elements.min.js') && scripts.includes('dist/elements/i18n.js'), scripts.join(', '));
  const found: string[] = [];
  for (const file of scripts) {
    const match = assetForm.exec(await readFile(path.join(root, file), 'utf8'));
    if (match) found.push(`${file}: ${match[0]}`);
  }
  assert.deepEqual(found, []);
});

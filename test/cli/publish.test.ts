import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mergeHeaders } from '../../src/cli/commands/publish.js';
import { cli, keygen, makeDocument, readJson, tamperPayload, tempDir, writeJson } from './helpers.js';

const WK = '.well-known/trust-elements';

async function setup(doc = makeDocument()) {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', doc);
  const key = await keygen(dir, 'ed25519', 'key.json');
  const r = await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'signed.json']);
  assert.equal(r.code, 0, r.stderr);
  return { dir, key };
}

describe('publish', () => {
  test('writes the well-known files and _headers, and notes headers for other hosts', async () => {
    const { dir } = await setup();
    const r = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json']);
    assert.equal(r.code, 0, r.stderr);
    const site = path.join(dir, 'site');
    assert.deepEqual(
      await readFile(path.join(site, WK, 'posture.json')),
      await readFile(path.join(dir, 'signed.json')),
      'the signed bytes, unchanged',
    );
    assert.deepEqual(await readJson(path.join(site, WK, 'jwks.json')), await readJson(path.join(dir, 'jwks.json')));
    const headers = await readFile(path.join(site, '_headers'), 'utf8');
    assert.match(
      headers,
      /^\/\.well-known\/trust-elements\/\*\n {2}Access-Control-Allow-Origin: \*\n {2}Content-Type: application\/json\n {2}Cache-Control: public, max-age=300, stale-while-revalidate=86400\n {2}X-Content-Type-Options: nosniff\n/m,
    );
    assert.match(r.stdout, /^✓ published Vendor Example, sequence 7/);
    assert.match(r.stdout, /https:\/\/vendor\.example\/\.well-known\/trust-elements\/posture\.json/);
    assert.match(r.stdout, /nginx/);
    assert.match(r.stdout, /Access-Control-Allow-Origin: \*/);
    assert.deepEqual((await readdir(path.join(site, WK))).sort(), ['jwks.json', 'posture.json'], 'no temporary files left');
  });

  test('is idempotent, keeps other files and other _headers rules', async () => {
    const { dir } = await setup();
    const site = path.join(dir, 'site');
    await mkdir(path.join(site, WK), { recursive: true });
    await writeFile(path.join(site, 'index.html'), '<h1>hi</h1>');
    await writeFile(path.join(site, WK, 'notes.txt'), 'mine');
    await writeFile(path.join(site, '_headers'), '/*\n  X-Frame-Options: DENY\n');
    const first = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json']);
    assert.equal(first.code, 0, first.stderr);
    const snapshot = async () =>
      Promise.all(['_headers', `${WK}/posture.json`, `${WK}/jwks.json`].map((f) => readFile(path.join(site, f), 'utf8')));
    const once = await snapshot();
    const second = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json']);
    assert.equal(second.code, 0);
    assert.deepEqual(await snapshot(), once);
    assert.equal((second.stdout.match(/unchanged/g) ?? []).length, 6, 'document, key set, _headers, both feeds, the element script');
    assert.equal(await readFile(path.join(site, 'index.html'), 'utf8'), '<h1>hi</h1>');
    assert.equal(await readFile(path.join(site, WK, 'notes.txt'), 'utf8'), 'mine');
    const headers = once[0]!;
    assert.ok(headers.startsWith('/*\n  X-Frame-Options: DENY\n\n# trust-elements: begin'));
    assert.equal(headers.match(/# trust-elements: begin/g)?.length, 1);
  });

  test('mergeHeaders replaces its own block in place', () => {
    const block = '# trust-elements: begin\nNEW\n# trust-elements: end\n';
    assert.equal(
      mergeHeaders('/a\n  X: 1\n# trust-elements: begin (old)\nOLD\n# trust-elements: end\n/b\n  Y: 2\n', block),
      `/a\n  X: 1\n${block}/b\n  Y: 2\n`,
    );
    assert.equal(mergeHeaders(undefined, block), block);
  });

  test('refuses a document that does not verify, and writes nothing', async () => {
    const { dir } = await setup();
    await writeFile(path.join(dir, 'tampered.json'), tamperPayload(await readFile(path.join(dir, 'signed.json'), 'utf8')));
    const r = await cli(dir, ['publish', 'site', '--document', 'tampered.json', '--jwks', 'jwks.json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^trust-elements: refusing to publish tampered\.json: signature-invalid: /);
    await assert.rejects(readdir(path.join(dir, 'site')));

    await keygen(dir, 'ed25519', 'other.json', 'other-jwks.json');
    const wrong = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'other-jwks.json']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /no-trusted-signature/);
  });

  test('refuses an expired document (--now) and a JWKS with a private key', async () => {
    const { dir, key } = await setup();
    const expired = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json', '--now', '2099-01-01']);
    assert.equal(expired.code, 1);
    assert.match(expired.stderr, /refusing to publish signed\.json: expired: /);
    await writeJson(dir, 'leaky.json', { keys: [await readJson(key.file)] });
    const leaky = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'leaky.json']);
    assert.equal(leaky.code, 1);
    assert.match(leaky.stderr, /the key set leaky\.json holds a private or secret key \(\$\.keys\[0\]\.d\): refusing to publish it/);
    const keyAsJwks = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'key.json']);
    assert.equal(keyAsJwks.code, 1);
    assert.match(keyAsJwks.stderr, /^trust-elements: key\.json is a private key, not a key set \(JWKS\)/);
    await assert.rejects(readdir(path.join(dir, 'site')));
  });

  test('needs --document and --jwks', async () => {
    const { dir } = await setup();
    assert.equal((await cli(dir, ['publish', 'site', '--jwks', 'jwks.json'])).code, 2);
    assert.equal((await cli(dir, ['publish', 'site', '--document', 'signed.json'])).code, 2);
    assert.equal((await cli(dir, ['publish', '--document', 'signed.json', '--jwks', 'jwks.json'])).code, 2);
  });
});

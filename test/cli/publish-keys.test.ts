/**
 * Issue 11, finding 8: `publish` writes a key set rebuilt from the public members of each
 * public key, and nothing else of its input; an input holding a private member anywhere is
 * refused, and nothing is written.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, keygen, makeDocument, readJson, tempDir, writeJson } from './helpers.js';

const WK = '.well-known/trust-elements';

async function setup() {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', makeDocument());
  const key = await keygen(dir, 'ed25519', 'key.json');
  const old = await keygen(dir, 'es256', 'old.json', 'old-jwks.json');
  assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'signed.json'])).code, 0);
  const publicKey = (await readJson(path.join(dir, 'jwks.json'))).keys[0];
  return { dir, key, old, publicKey, oldPrivate: await readJson(old.file) };
}

describe('publish: the key set published holds public keys only', () => {
  test('refuses a private key anywhere: a "retired" list, nested in a key, an oct "k"', async () => {
    const { dir, key, old, publicKey, oldPrivate } = await setup();
    const cases: [string, unknown, RegExp][] = [
      ['retired', { keys: [publicKey], retired: [oldPrivate] }, /\(\$\.retired\[0\]\.d\)/],
      ['nested in a key', { keys: [{ ...publicKey, backup: { jwk: oldPrivate } }] }, /\(\$\.keys\[0\]\.backup\.jwk\.d\)/],
      ['deep', { keys: [publicKey], meta: [[{ a: { k: 'c2VjcmV0' } }]] }, /\(\$\.meta\[0\]\[0\]\.a\.k\)/],
    ];
    for (const [what, jwks, where] of cases) {
      await writeJson(dir, 'leaky.json', jwks);
      const r = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'leaky.json']);
      assert.equal(r.code, 1, what);
      assert.match(r.stderr, /^trust-elements: the key set leaky\.json holds a private or secret key /, what);
      assert.match(r.stderr, where, what);
      assert.ok(
        !(r.stdout + r.stderr).includes(old.d.slice(0, 12)) && !(r.stdout + r.stderr).includes(key.d.slice(0, 12)),
        `${what}: no private part shown`,
      );
      await assert.rejects(readdir(path.join(dir, 'site')), `${what}: nothing written`);
    }
  });

  test('writes only kty, crv, x, y, kid, alg, use of each public key; other members and keys are dropped', async () => {
    const { dir, publicKey, old } = await setup();
    const oldPublic = (await readJson(path.join(dir, 'old-jwks.json'))).keys[0];
    const input = {
      keys: [
        { ...publicKey, note: 'laptop of A. Person', x5u: 'https://internal.example/cert', key_ops: ['verify'] },
        { ...oldPublic },
        { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'rsa' },
        { ...oldPublic, kid: 'enc', use: 'enc' },
      ],
      owner: 'security@vendor.example',
      comment: 'internal notes',
    };
    await writeJson(dir, 'mixed.json', input);
    const r = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'mixed.json']);
    assert.equal(r.code, 0, r.stderr);
    const published = JSON.parse(await readFile(path.join(dir, 'site', WK, 'jwks.json'), 'utf8'));
    assert.deepEqual(published, { keys: [publicKey, oldPublic] });
    assert.deepEqual(Object.keys(published.keys[1]).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    assert.ok(old.kid === oldPublic.kid);
    assert.match(r.stderr, /warning: not published from mixed\.json .*keys\[2\], keys\[3\], "owner", "comment"/);
  });

  test('the rebuilt key set must still verify the document', async () => {
    const { dir, publicKey } = await setup();
    // The signing key is present only as a key that readers skip: after the rebuild it is gone.
    await writeJson(dir, 'skipped.json', { keys: [{ ...publicKey, key_ops: ['sign'] }] });
    const r = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'skipped.json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /refusing to publish signed\.json: no-trusted-signature/);
    await assert.rejects(readdir(path.join(dir, 'site')));
  });
});

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { thumbprint } from '../../src/core/index.js';
import { cli, readJson, tempDir } from './helpers.js';

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('keygen', () => {
  test('ed25519 by default: private key 0600, public key in jwks.json, key id printed', async () => {
    const dir = await tempDir();
    const r = await cli(dir, ['keygen']);
    assert.equal(r.code, 0, r.stderr);
    const keyFile = path.join(dir, 'trust-elements.key.json');
    assert.equal(await mode(keyFile), 0o600);
    const priv = await readJson(keyFile);
    assert.equal(priv.kty, 'OKP');
    assert.equal(priv.crv, 'Ed25519');
    assert.equal(typeof priv.d, 'string');
    const jwks = await readJson(path.join(dir, 'jwks.json'));
    assert.equal(jwks.keys.length, 1);
    const [pub] = jwks.keys;
    assert.equal(pub.d, undefined, 'the JWKS holds no private part');
    assert.equal(pub.kid, await thumbprint(pub));
    assert.equal(pub.kid, priv.kid);
    assert.match(r.stdout, new RegExp(pub.kid));
    assert.match(r.stdout, /trust-elements\.key\.json/);
    assert.match(r.stdout, /jwks\.json/);
    assert.ok(!r.stdout.includes(priv.d) && !r.stderr.includes(priv.d), 'the private key is never printed');
  });

  test('es256 with --key and --jwks paths (directories created)', async () => {
    const dir = await tempDir();
    const r = await cli(dir, ['keygen', '--alg', 'es256', '--key', 'secrets/p256.json', '--jwks', 'public/keys.json']);
    assert.equal(r.code, 0, r.stderr);
    const priv = await readJson(path.join(dir, 'secrets/p256.json'));
    assert.equal(priv.kty, 'EC');
    assert.equal(priv.crv, 'P-256');
    assert.equal(await mode(path.join(dir, 'secrets/p256.json')), 0o600);
    const jwks = await readJson(path.join(dir, 'public/keys.json'));
    assert.deepEqual(Object.keys(jwks.keys[0]).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    assert.equal(jwks.keys[0].alg, 'ES256');
  });

  test('the key file is created 0600 even under a permissive umask', async () => {
    const dir = await tempDir();
    const old = process.umask(0);
    try {
      assert.equal((await cli(dir, ['keygen'])).code, 0);
    } finally {
      process.umask(old);
    }
    assert.equal(await mode(path.join(dir, 'trust-elements.key.json')), 0o600);
  });

  test('refuses to overwrite a key file; --force replaces it (still 0600)', async () => {
    const dir = await tempDir();
    assert.equal((await cli(dir, ['keygen'])).code, 0);
    const keyFile = path.join(dir, 'trust-elements.key.json');
    const before = await readFile(keyFile, 'utf8');

    const refused = await cli(dir, ['keygen']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^trust-elements: .*already exists.*--force/);
    assert.equal(refused.stderr.trim().split('\n').length, 1, 'one line');
    assert.equal(await readFile(keyFile, 'utf8'), before, 'the key is untouched');
    assert.equal((await readJson(path.join(dir, 'jwks.json'))).keys.length, 1, 'the JWKS is untouched');

    const forced = await cli(dir, ['keygen', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.notEqual(await readFile(keyFile, 'utf8'), before);
    assert.equal(await mode(keyFile), 0o600);
  });

  test('--force does not inherit a loose mode from the file it replaces', async () => {
    const dir = await tempDir();
    const keyFile = path.join(dir, 'k.json');
    await writeFile(keyFile, '{}', { mode: 0o644 });
    assert.equal((await cli(dir, ['keygen', '--key', 'k.json', '--force'])).code, 0);
    assert.equal(await mode(keyFile), 0o600);
  });

  test('rotation: a second key is appended to the JWKS, the first kept, no duplicates', async () => {
    const dir = await tempDir();
    assert.equal((await cli(dir, ['keygen', '--key', 'old.json'])).code, 0);
    const first = (await readJson(path.join(dir, 'jwks.json'))).keys[0];
    assert.equal((await cli(dir, ['keygen', '--alg', 'es256', '--key', 'new.json'])).code, 0);
    const jwks = await readJson(path.join(dir, 'jwks.json'));
    assert.equal(jwks.keys.length, 2);
    assert.deepEqual(jwks.keys[0], first);
    assert.equal(jwks.keys[1].kid, (await readJson(path.join(dir, 'new.json'))).kid);
    assert.equal(new Set(jwks.keys.map((k: { kid: string }) => k.kid)).size, 2);
  });

  test('refuses a JWKS with a private key in it, a non-JWKS, --key = --jwks, and an unknown --alg', async () => {
    const dir = await tempDir();
    assert.equal((await cli(dir, ['keygen', '--key', 'a.json'])).code, 0);
    const priv = await readJson(path.join(dir, 'a.json'));
    await writeFile(path.join(dir, 'leaky.json'), JSON.stringify({ keys: [priv] }));
    const leaky = await cli(dir, ['keygen', '--key', 'b.json', '--jwks', 'leaky.json']);
    assert.equal(leaky.code, 1);
    assert.match(leaky.stderr, /private or secret key/);
    assert.ok(!leaky.stderr.includes(priv.d));

    await writeFile(path.join(dir, 'notjwks.json'), '[1,2]');
    const notJwks = await cli(dir, ['keygen', '--key', 'c.json', '--jwks', 'notjwks.json']);
    assert.equal(notJwks.code, 1);
    assert.match(notJwks.stderr, /not a JWKS/);

    const same = await cli(dir, ['keygen', '--key', 'x.json', '--jwks', './x.json']);
    assert.equal(same.code, 2);

    const alg = await cli(dir, ['keygen', '--alg', 'rsa']);
    assert.equal(alg.code, 2);
    assert.match(alg.stderr, /--alg 'rsa' is not supported: use ed25519 or es256/);
  });
});

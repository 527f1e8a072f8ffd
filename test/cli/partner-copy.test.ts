/**
 * Issue 13, partners (CLI side): `sign` and `publish` write the signers' public keys into the
 * signed file, and `verify --pin` checks a partner's copy with the pin alone — a local file or a
 * URL on the partner's origin, with no key set there.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, readJson, writeJson, signedWithOtherKey } from './helpers.js';

const COPY = 'https://partner.example/vendor/posture.json';

async function setup() {
  const { dir, key, other } = await signedWithOtherKey();
  const copy = await readFile(path.join(dir, 'signed.json'), 'utf8');
  // The partner's origin serves the copy and nothing else (no key set).
  const asked: string[] = [];
  const fetch = async (url: string) => {
    asked.push(url);
    return url === COPY ? new Response(copy, { headers: { 'content-type': 'application/json' } }) : new Response('no', { status: 404 });
  };
  return { dir, key, other, fetch, asked };
}

describe('a partner copy verified with the pin alone (issue 13)', () => {
  test("sign and publish write the signer's public key, and nothing private, beside the signatures", async () => {
    const { dir, key } = await setup();
    const signed = await readJson(path.join(dir, 'signed.json'));
    assert.deepEqual(
      signed.jwks.keys.map((k: Record<string, unknown>) => k.kid),
      [key.kid],
    );
    assert.equal(JSON.stringify(signed.jwks).includes('"d"'), false);
    assert.equal((await cli(dir, ['publish', 'public', '--document', 'signed.json', '--jwks', 'jwks.json'])).code, 0);
    const published = await readJson(path.join(dir, 'public/.well-known/trust-elements/posture.json'));
    assert.deepEqual(published.jwks, signed.jwks);
  });

  test('verify --pin checks a local copy without --jwks, and says where the key came from', async () => {
    const { dir, key, other } = await setup();
    const r = await cli(dir, ['verify', 'signed.json', '--pin', key.kid]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /✓ verified/);
    assert.match(r.stdout, /keys +the pinned key\(s\) the document carries/);
    const wrong = await cli(dir, ['verify', 'signed.json', '--pin', other.kid]);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stdout, /✗ no-trusted-signature: None of the pinned keys is among the keys the document carries/);
  });

  test('when no pinned or trusted key signed, verify names the key ids that did (issue 13)', async () => {
    const { dir, key, other } = await setup();
    for (const args of [
      ['--pin', other.kid],
      ['--jwks', 'other-jwks.json'],
      ['--jwks', 'other-jwks.json', '--json'],
    ]) {
      const r = await cli(dir, ['verify', 'signed.json', ...args]);
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.stdout, /no-trusted-signature/, args.join(' '));
      assert.ok(r.stdout.includes(`It is signed by key ${key.kid}.`), `${args.join(' ')}: ${r.stdout}`);
    }
  });

  test('a file that carries no keys, verified with --pin alone, asks for a key set', async () => {
    const { dir, key } = await setup();
    const bare = await readJson(path.join(dir, 'signed.json'));
    delete bare.jwks;
    await writeJson(dir, 'bare.json', bare);
    const r = await cli(dir, ['verify', 'bare.json', '--pin', key.kid]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /✗ no-trusted-signature: The file carries no keys, and no key set was given/);
    assert.equal((await cli(dir, ['verify', 'bare.json', '--pin', key.kid, '--jwks', 'jwks.json'])).code, 0);
  });

  test("verify --pin checks a copy on the partner's origin, which has no key set, without asking for one", async () => {
    const { dir, key, fetch, asked } = await setup();
    const r = await cli(dir, ['verify', COPY, '--pin', key.kid], { fetch });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(asked, [COPY]);
    // Without the pin, discovery needs the partner origin's key set (there is none) and the issuer.
    assert.equal((await cli(dir, ['verify', COPY], { fetch })).code, 1);
  });

  test('a local file without --jwks or --pin is still a usage error', async () => {
    const { dir } = await setup();
    const r = await cli(dir, ['verify', 'signed.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /a local file needs --jwks FILE_OR_URL/);
  });
});

/**
 * Issue 13, partners: `trust-elements pin URL` prints the exact tag a partner pastes, pinned to the
 * key(s) that signed the vendor's document (verified with the keys at the vendor's origin), and
 * that tag's pin verifies a copy on the partner's own origin.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, signedWithOtherKey } from './helpers.js';

const DOC = 'https://vendor.example/.well-known/trust-elements/posture.json';
const COPY = 'https://partner.example/vendor/posture.json';

async function setup() {
  const { dir, key } = await signedWithOtherKey();
  const signed = await readFile(path.join(dir, 'signed.json'), 'utf8');
  const files: Record<string, string> = {
    [DOC]: signed,
    [COPY]: signed,
    'https://vendor.example/.well-known/trust-elements/jwks.json': await readFile(path.join(dir, 'jwks.json'), 'utf8'),
  };
  const fetch = async (url: string) => {
    const body = files[url];
    return body === undefined
      ? new Response('no', { status: 404 })
      : new Response(body, { headers: { 'content-type': 'application/json' } });
  };
  return { dir, key, fetch, files };
}

describe('trust-elements pin (issue 13)', () => {
  test('prints the exact tag, pinned to the signing key; its pin verifies a copy on the partner origin', async () => {
    const { dir, key, fetch } = await setup();
    const r = await cli(dir, ['pin', DOC], { fetch });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `<trust-badge src="${DOC}" pin="${key.kid}"></trust-badge>\n`);
    const printed = /pin="([^"]+)"/.exec(r.stdout)![1]!;
    assert.equal((await cli(dir, ['verify', COPY, '--pin', printed], { fetch })).code, 0);
  });

  test('--tag control-status --control ID --src PATH: the README recipe for a copy', async () => {
    const { dir, key, fetch } = await setup();
    const r = await cli(dir, ['pin', DOC, '--tag', 'control-status', '--control', 'sso', '--src', '/vendor/posture.json'], { fetch });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `<control-status src="/vendor/posture.json" pin="${key.kid}" control="sso"></control-status>\n`);
    const missing = await cli(dir, ['pin', DOC, '--tag', 'control-status', '--control', 'nope'], { fetch });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /the document has no control 'nope'/);
  });

  test('refuses to pin a document that does not verify with its own origin keys', async () => {
    const { dir, fetch, files } = await setup();
    files['https://vendor.example/.well-known/trust-elements/jwks.json'] = await readFile(path.join(dir, 'other-jwks.json'), 'utf8');
    const r = await cli(dir, ['pin', DOC], { fetch });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /cannot pin .*no-trusted-signature/);
  });
});

/**
 * Issue 11, finding 5 (CLI side): a --pin that is given but names no valid key id trusts
 * nothing. `--pin ""` or `--pin " "` (a script's empty variable) must not fall back to the
 * whole key set or to discovery; it is refused as `pin-invalid`.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PostureError } from '../../src/core/index.js';
import { reportError } from '../../src/cli/errors.js';
import { printer } from '../../src/cli/output.js';
import { cli, signedWithOtherKey } from './helpers.js';

const ORIGIN = 'https://vendor.example';

async function setup() {
  const { dir, key, other } = await signedWithOtherKey();
  // The vendor's site, as a fetch: the document and its key set at the well-known paths.
  const files: Record<string, string> = {
    [`${ORIGIN}/.well-known/trust-elements/posture.json`]: await readFile(path.join(dir, 'signed.json'), 'utf8'),
    [`${ORIGIN}/.well-known/trust-elements/jwks.json`]: await readFile(path.join(dir, 'jwks.json'), 'utf8'),
  };
  const fetch = async (url: string) => {
    const body = files[url];
    return body === undefined
      ? new Response('no', { status: 404 })
      : new Response(body, { headers: { 'content-type': 'application/json' } });
  };
  return { dir, key, other, fetch };
}

const BAD_PINS: [string, string][] = [
  ['an empty --pin', ''],
  ['a blank --pin', ' '],
  ['a comma-separated list', 'K1,K2'],
  ['a short value', 'abc'],
];

describe('verify --pin', () => {
  test('an empty, blank or malformed --pin is refused as pin-invalid: a local file with --jwks', async () => {
    const { dir, key } = await setup();
    const plain = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json']);
    assert.equal(plain.code, 0, 'without --pin the key set is trusted');
    for (const [what, pin] of BAD_PINS) {
      const r = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--pin', pin]);
      assert.equal(r.code, 1, `${what}: not verified`);
      assert.doesNotMatch(r.stdout, /✓ verified/, what);
      assert.match(r.stdout, /^✗ pin-invalid: /, what);
      assert.match(r.stdout, pin.trim() === '' ? /The pin is empty/ : /is not a key id/, what);
      assert.match(r.stdout, /^ {2}hint: --pin takes key ids \(43-character RFC 7638 thumbprints\)/m, what);
    }
    // A malformed pin next to a good one still trusts nothing.
    const mixed = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--pin', key.kid, '--pin', `${key.kid},`]);
    assert.equal(mixed.code, 1);
    assert.match(mixed.stdout, /pin-invalid/);
    const json = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--pin', ' ', '--json']);
    assert.equal(json.code, 1);
    assert.deepEqual([JSON.parse(json.stdout).verified, JSON.parse(json.stdout).error.code], [false, 'pin-invalid']);
  });

  test('an empty or blank --pin never falls back to discovery (a URL)', async () => {
    const { dir, fetch } = await setup();
    const discovered = await cli(dir, ['verify', `${ORIGIN}/.well-known/trust-elements/posture.json`], { fetch });
    assert.equal(discovered.code, 0, `discovery works: ${discovered.stdout}`);
    for (const [what, pin] of BAD_PINS) {
      const r = await cli(dir, ['verify', `${ORIGIN}/.well-known/trust-elements/posture.json`, '--pin', pin], { fetch });
      assert.equal(r.code, 1, `${what}: not verified by discovery`);
      assert.match(r.stdout, /^✗ pin-invalid: /, what);
    }
  });

  test('valid pins: the right key verifies, another key does not; one argument may hold several', async () => {
    const { dir, key, other, fetch } = await setup();
    assert.equal((await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--pin', key.kid])).code, 0);
    const wrong = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--pin', other.kid]);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stdout, /no-trusted-signature/);
    assert.equal((await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--pin', ` ${other.kid}  ${key.kid} `])).code, 0);
    assert.equal((await cli(dir, ['verify', `${ORIGIN}/.well-known/trust-elements/posture.json`, '--pin', key.kid], { fetch })).code, 0);
  });
});

describe('the new core error codes read well in the CLI', () => {
  test('pin-invalid and too-many-signatures, reported as any command reports a core error', () => {
    for (const [code, hint] of [
      ['pin-invalid', /hint: --pin takes key ids/],
      ['too-many-signatures', /hint: readers refuse a document with this many signatures .*sign with a few keys only/],
    ] as const) {
      let stderr = '';
      const p = printer({
        stdout: { write: () => true },
        stderr: { write: (s: string) => (stderr += s) },
        cwd: '/',
        env: {},
        now: () => new Date(),
      });
      assert.equal(reportError(p, new PostureError(code, 'The core says why.')), 1);
      assert.match(stderr, new RegExp(`^trust-elements: ${code}: The core says why\\.\n`));
      assert.match(stderr, hint);
    }
  });
});

/**
 * Issue 13, no rollback (CLI side): `verify --min-sequence N` and `verify --state FILE` refuse an
 * older signed version (`rolled-back`, naming both numbers); `publish` refuses a sequence that is
 * not greater than the published one unless --force.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, keygen, makeDocument, readJson, tempDir, writeJson } from './helpers.js';

const URL_ = 'https://vendor.example/.well-known/trust-elements/posture.json';

/** Two signed versions of one document, sequence 7 (old.json) and 8 (new.json), and a server for either. */
async function setup() {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', makeDocument());
  await keygen(dir, 'ed25519', 'key.json');
  for (const [name, sequence] of [
    ['old.json', '7'],
    ['new.json', '8'],
  ] as const)
    assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--sequence', sequence, '--out', name])).code, 0);
  const jwks = await readFile(path.join(dir, 'jwks.json'), 'utf8');
  let served = 'new.json';
  const fetch = async (url: string) => {
    const body = url === URL_ ? await readFile(path.join(dir, served), 'utf8') : url.endsWith('/jwks.json') ? jwks : undefined;
    return body === undefined
      ? new Response('no', { status: 404 })
      : new Response(body, { headers: { 'content-type': 'application/json' } });
  };
  return { dir, fetch, serve: (name: string) => (served = name) };
}

describe('no rollback in the CLI (issue 13)', () => {
  test('verify --min-sequence refuses a lower sequence as rolled-back, naming both numbers', async () => {
    const { dir } = await setup();
    assert.equal((await cli(dir, ['verify', 'new.json', '--jwks', 'jwks.json', '--min-sequence', '8'])).code, 0);
    const r = await cli(dir, ['verify', 'old.json', '--jwks', 'jwks.json', '--min-sequence', '8']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ rolled-back: This is sequence 7 of the document, but sequence 8 was already verified here/);
    const json = JSON.parse((await cli(dir, ['verify', 'old.json', '--jwks', 'jwks.json', '--min-sequence', '8', '--json'])).stdout);
    assert.deepEqual([json.verified, json.error.code], [false, 'rolled-back']);
    const bad = await cli(dir, ['verify', 'old.json', '--jwks', 'jwks.json', '--min-sequence', '-1']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--min-sequence '-1' must be a whole number/);
  });

  test('verify --state remembers the highest sequence per issuer and URL, and refuses an older one served later', async () => {
    const { dir, fetch, serve } = await setup();
    assert.equal((await cli(dir, ['verify', URL_, '--state', 'seen.json'], { fetch })).code, 0);
    const state = await readJson(path.join(dir, 'seen.json'));
    assert.deepEqual(Object.values(state.highest), [8]);
    serve('old.json'); // a mirror goes back to the older, still valid, version
    const r = await cli(dir, ['verify', URL_, '--state', 'seen.json'], { fetch });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /rolled-back: This is sequence 7 of the document, but sequence 8 was already verified here/);
    assert.deepEqual(Object.values((await readJson(path.join(dir, 'seen.json'))).highest), [8], 'the state keeps 8');
    // Without the state file, the older version verifies: the memory is what refuses it.
    assert.equal((await cli(dir, ['verify', URL_], { fetch })).code, 0);
  });

  test('a broken state file is refused, not silently reset', async () => {
    const { dir } = await setup();
    await writeJson(dir, 'seen.json', { highest: { x: 'eight' } });
    const r = await cli(dir, ['verify', 'new.json', '--jwks', 'jwks.json', '--state', 'seen.json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /the state file seen\.json is not one this command wrote/);
  });

  test('publish refuses a sequence not greater than the published one unless --force; the same file again is fine', async () => {
    const { dir } = await setup();
    const publish = (file: string, ...extra: string[]) =>
      cli(dir, ['publish', 'site', '--document', file, '--jwks', 'jwks.json', ...extra]);
    assert.equal((await publish('new.json')).code, 0);
    assert.equal((await publish('new.json')).code, 0, 'publishing the same file again');
    const older = await publish('old.json');
    assert.equal(older.code, 1);
    assert.match(older.stderr, /refusing to publish old\.json: the published document has sequence 8, and this one 7/);
    const published = path.join(dir, 'site/.well-known/trust-elements/posture.json');
    assert.equal(await readFile(published, 'utf8'), await readFile(path.join(dir, 'new.json'), 'utf8'), 'still the newer one');
    // An equal sequence with other content (re-signed) is a new version too: refused.
    assert.equal(
      (await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--sequence', '8', '--valid-for', '10d', '--out', 'resigned.json'])).code,
      0,
    );
    assert.equal((await publish('resigned.json')).code, 1);
    const forced = await publish('old.json', '--force');
    assert.equal(forced.code, 0);
    assert.match(forced.stderr, /published anyway \(--force\)/);
  });
});

/**
 * Issue 13, the lifecycle of keys: `keys list|add|next|retire` with the key record (keys.json)
 * beside the published key set (jwks.json); `sign` warns about a retired or unpublished key and
 * carries the announcements of next keys; `pin` prints the current and the announced next keys;
 * and a partner pinned to the old key keeps verifying after the vendor switches to the next one.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, makeDocument, readJson, tempDir, writeJson } from './helpers.js';

const DOC = 'https://vendor.example/.well-known/trust-elements/posture.json';

async function vendor() {
  const dir = await tempDir();
  await writeJson(dir, 'posture.json', makeDocument());
  const added = await cli(dir, ['keys', 'add']);
  assert.equal(added.code, 0, added.stderr);
  const current = (await readJson(path.join(dir, 'trust-elements.key.json'))).kid as string;
  return { dir, current };
}

/** A fetch serving `signed.json` and `jwks.json` of `dir` at the vendor's well-known paths. */
const served = (dir: string) => async (url: string) => {
  const file = { [DOC]: 'signed.json', 'https://vendor.example/.well-known/trust-elements/jwks.json': 'jwks.json' }[url];
  if (!file) return new Response('no', { status: 404 });
  return new Response(await readFile(path.join(dir, file), 'utf8'), { headers: { 'content-type': 'application/json' } });
};

const sign = (dir: string, key: string) =>
  cli(dir, ['sign', 'posture.json', '--key', key, '--out', 'signed.json', '--sequence', String(Date.now())]);

describe('trust-elements keys (issue 13)', () => {
  test('keys add records a current key; keys list shows id, algorithm, created and status', async () => {
    const { dir, current } = await vendor();
    const record = await readJson(path.join(dir, 'keys.json'));
    assert.deepEqual(
      record.keys.map((k: { kid: string; status: string; alg: string }) => [k.kid, k.alg, k.status]),
      [[current, 'EdDSA', 'current']],
    );
    assert.ok(!JSON.stringify(record).includes('"d"'), 'the record holds public keys only');
    const list = await cli(dir, ['keys', 'list']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, new RegExp(`${current} +EdDSA +\\d{4}-\\d{2}-\\d{2}T[\\d:]+Z +current`));
  });

  test('keys next makes, publishes and announces the next key; list shows it as next until the announcement ends', async () => {
    const { dir, current } = await vendor();
    const r = await cli(dir, ['keys', 'next', '--key', 'trust-elements.key.json']);
    assert.equal(r.code, 0, r.stderr);
    const next = (await readJson(path.join(dir, 'trust-elements.next.key.json'))).kid as string;
    assert.deepEqual(
      (await readJson(path.join(dir, 'jwks.json'))).keys.map((k: { kid: string }) => k.kid),
      [current, next],
    );
    const list = await cli(dir, ['keys', 'list']);
    assert.match(list.stdout, new RegExp(`${next} +EdDSA +\\S+ +next \\(announced until \\d{4}-`));
    // sign carries the announcement, and the announcing key, in the published file.
    assert.equal((await sign(dir, 'trust-elements.key.json')).code, 0);
    const signed = await readJson(path.join(dir, 'signed.json'));
    assert.equal(signed.announcements.length, 1);
  });

  test('pin prints the current and the announced next key', async () => {
    const { dir, current } = await vendor();
    await cli(dir, ['keys', 'next', '--key', 'trust-elements.key.json']);
    const next = (await readJson(path.join(dir, 'trust-elements.next.key.json'))).kid as string;
    await sign(dir, 'trust-elements.key.json');
    const r = await cli(dir, ['pin', DOC], { fetch: served(dir) });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `<trust-badge src="${DOC}" pin="${current} ${next}"></trust-badge>\n`);
  });

  test('after the switch, a partner pinned to the old key alone still verifies the next-key document; without the announcement it is refused, naming the signer', async () => {
    const { dir, current } = await vendor();
    await cli(dir, ['keys', 'next', '--key', 'trust-elements.key.json']);
    const next = (await readJson(path.join(dir, 'trust-elements.next.key.json'))).kid as string;
    const switched = await sign(dir, 'trust-elements.next.key.json');
    assert.equal(switched.code, 0, switched.stderr);
    assert.equal(switched.stderr, '', 'the next key is published: no warning');
    const ok = await cli(dir, ['verify', 'signed.json', '--pin', current]);
    assert.equal(ok.code, 0, ok.stderr);
    const stripped = await readJson(path.join(dir, 'signed.json'));
    delete stripped.announcements;
    await writeJson(dir, 'stripped.json', stripped);
    const refused = await cli(dir, ['verify', 'stripped.json', '--pin', current]);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, new RegExp(`no-trusted-signature: .*It is signed by key ${next}\\.`));
  });

  test('keys retire removes the key from the published key set and keeps its record; sign then warns', async () => {
    const { dir, current } = await vendor();
    await cli(dir, ['keys', 'next', '--key', 'trust-elements.key.json']);
    const next = (await readJson(path.join(dir, 'trust-elements.next.key.json'))).kid as string;
    const r = await cli(dir, ['keys', 'retire', 'trust-elements.key.json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      (await readJson(path.join(dir, 'jwks.json'))).keys.map((k: { kid: string }) => k.kid),
      [next],
    );
    const list = await cli(dir, ['keys', 'list']);
    assert.match(list.stdout, new RegExp(`${current} +EdDSA +\\S+ +retired \\d{4}-`));
    assert.match(list.stdout, new RegExp(`${next} +EdDSA +\\S+ +current`));
    const warned = await sign(dir, 'trust-elements.key.json');
    assert.equal(warned.code, 0);
    assert.match(warned.stderr, new RegExp(`warning: the key ${current} was retired on \\d{4}-`));
    // The announcement signed by the retired key still travels: partners pinned to it follow it.
    assert.equal((await sign(dir, 'trust-elements.next.key.json')).code, 0);
    assert.equal((await cli(dir, ['verify', 'signed.json', '--pin', current])).code, 0);
  });

  test('sign warns when its key is not in the published key set', async () => {
    const { dir } = await vendor();
    const stray = await tempDir();
    await cli(stray, ['keygen', '--key', 'stray.key.json']);
    const r = await cli(dir, ['sign', 'posture.json', '--key', path.join(stray, 'stray.key.json'), '--out', 'signed.json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /warning: the key \S+ is not in the published key set jwks\.json: readers that use it will refuse this document/,
    );
  });

  test('keys next refuses a key written on the command line, and needs --key', async () => {
    const { dir } = await vendor();
    const literal = await readFile(path.join(dir, 'trust-elements.key.json'), 'utf8');
    const r = await cli(dir, ['keys', 'next', '--key', literal]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /refusing a private key written on the command line/);
    assert.equal((await cli(dir, ['keys', 'next'])).code, 2);
    assert.equal((await cli(dir, ['keys', 'frob'])).code, 2);
  });
});

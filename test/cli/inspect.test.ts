import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, keygen, makeDocument, tamperPayload, tempDir, writeJson } from './helpers.js';
import { readFile } from 'node:fs/promises';

async function signed(doc = makeDocument()) {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', doc);
  const a = await keygen(dir, 'ed25519', 'a.json');
  const b = await keygen(dir, 'es256', 'b.json');
  const r = await cli(dir, ['sign', 'doc.json', '--key', 'a.json', '--key', 'b.json', '--out', 'signed.json']);
  assert.equal(r.code, 0, r.stderr);
  return { dir, a, b };
}

describe('inspect', () => {
  test('says plainly it is not verified; shows headers and a payload summary', async () => {
    const doc = makeDocument({
      certifications: [{ id: 'soc2', framework: 'SOC 2 Type II', status: 'in-progress' }],
      subprocessors: {
        disclosure: 'public',
        entries: [
          { name: 'Cloud Co', purpose: 'Hosting' },
          { name: 'Mail Co', purpose: 'E-mail' },
        ],
      },
    });
    const { dir, a, b } = await signed(doc);
    const r = await cli(dir, ['inspect', 'signed.json'], { now: () => new Date(Date.now() + 10 * 86_400_000) });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^⚠ not verified/);
    assert.match(r.stdout, /trust-elements verify signed\.json --jwks jwks\.json/);
    assert.match(r.stdout, /signatures \(2\)/);
    assert.ok(r.stdout.includes(`1  alg EdDSA  kid ${a.kid}  typ trust-posture+json`));
    assert.ok(r.stdout.includes(`2  alg ES256  kid ${b.kid}  typ trust-posture+json`));
    assert.match(r.stdout, /organization +Vendor Example/);
    assert.match(r.stdout, /issuer +https:\/\/vendor\.example/);
    assert.match(r.stdout, /expires +\S+ +\(expires in 20 days\)/);
    assert.match(r.stdout, /sequence +7/);
    assert.match(r.stdout, /controls +2 controls in 1 category: 1 shipped, 1 roadmap/);
    assert.match(r.stdout, /certifications +1: 1 in-progress/);
    assert.match(r.stdout, /sub-processors +2 listed \(disclosure: public\)/);
    assert.match(r.stdout, /statements +1/);
    assert.match(r.stdout, /format +a valid posture document/);
  });

  test('marks an expired document', async () => {
    const { dir } = await signed();
    const r = await cli(dir, ['inspect', 'signed.json'], { now: () => new Date(Date.now() + 45 * 86_400_000) });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /\(EXPIRED: expired 15 days ago\)/);
  });

  test('--json prints the decoded payload only', async () => {
    const { dir } = await signed();
    const r = await cli(dir, ['inspect', 'signed.json', '--json']);
    assert.equal(r.code, 0);
    const payload = JSON.parse(r.stdout);
    const original = JSON.parse(await readFile(path.join(dir, 'doc.json'), 'utf8'));
    assert.deepEqual(payload, original);
  });

  test('decodes a tampered file all the same (it does not verify)', async () => {
    const { dir } = await signed();
    await writeFile(path.join(dir, 't.json'), tamperPayload(await readFile(path.join(dir, 'signed.json'), 'utf8')));
    const r = await cli(dir, ['inspect', 't.json']);
    // The flipped character may break the payload's JSON; either way nothing claims it is verified.
    assert.ok(!/✓/.test(r.stdout));
    if (r.code === 0) assert.match(r.stdout, /not verified/);
    else assert.match(r.stderr, /^trust-elements: /);
  });

  test('an unsigned document: one line pointing to validate', async () => {
    const { dir } = await signed();
    const r = await cli(dir, ['inspect', 'doc.json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^trust-elements: doc\.json: This is not a signed document \(JWS\).*trust-elements validate doc\.json'\n$/);
  });
});

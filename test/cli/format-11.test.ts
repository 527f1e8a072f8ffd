/**
 * The CLI and format 1.1: `validate`, `sign`, `verify` and `inspect` keep the new fields and the
 * `x-` extensions; `diff` matches sub-processors by `id`; `migrate` upgrades a 1.0 document to a
 * new file and never writes over its input unless asked.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, keygen, makeDocument, readJson, tempDir, writeJson } from './helpers.js';

/** A 1.1 document with new fields and extensions on the document and on an entry. */
const v11 = () => ({
  ...makeDocument(),
  version: '1.1',
  updated: '2026-08',
  'x-vendor': { ticket: 'SEC-1', nested: [1, { ok: true }] },
  subprocessors: {
    disclosure: 'public',
    notice: { days: 30, changes: ['additions', 'removals'], email: 'notices@vendor.example' },
    entries: [
      {
        id: 'aws',
        name: 'AWS',
        legalName: 'Amazon Web Services EMEA SARL',
        purpose: 'Hosting',
        corporateLocation: { name: 'Luxembourg', country: 'LU' },
        'x-internal': 'infra-1',
      },
    ],
  },
});

describe('validate, sign, verify, inspect keep format 1.1', () => {
  test('a 1.1 document with x- members validates, signs, verifies, and the signed payload keeps every field', async () => {
    const dir = await tempDir();
    await writeJson(dir, 'doc.json', v11());
    const key = await keygen(dir, 'ed25519', 'key.json');
    const validated = await cli(dir, ['validate', 'doc.json']);
    assert.equal(validated.code, 0, validated.stdout + validated.stderr);
    assert.equal((await cli(dir, ['sign', 'doc.json', '--key', key.file, '--out', 'signed.json'])).code, 0);
    const verified = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json']);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    const inspected = await cli(dir, ['inspect', 'signed.json', '--json']);
    const payload = JSON.parse(inspected.stdout);
    assert.deepEqual(payload['x-vendor'], { ticket: 'SEC-1', nested: [1, { ok: true }] });
    assert.equal(payload.subprocessors.entries[0]['x-internal'], 'infra-1');
    assert.equal(payload.subprocessors.entries[0].legalName, 'Amazon Web Services EMEA SARL');
    assert.deepEqual(payload.subprocessors.notice.changes, ['additions', 'removals']);
    assert.equal(payload.updated, '2026-08');
  });

  test('a document of a newer minor version: validate says its unknown fields were not checked; sign refuses it', async () => {
    const dir = await tempDir();
    await writeJson(dir, 'doc.json', { ...v11(), version: '1.9', somethingNew: true });
    const key = await keygen(dir, 'ed25519', 'key.json');
    const validated = await cli(dir, ['validate', 'doc.json']);
    assert.equal(validated.code, 0);
    assert.match(
      validated.stdout,
      /note: it says format 1\.9, newer than this trust-elements \(1\.1\): the fields it does not know were not checked/,
    );
    const signed = await cli(dir, ['sign', 'doc.json', '--key', key.file, '--out', 'signed.json']);
    assert.equal(signed.code, 1);
    assert.match(signed.stderr, /says format 1\.9, newer than this trust-elements reads \(1\.1\): update trust-elements/);
    await assert.rejects(readFile(path.join(dir, 'signed.json')));
  });

  test('validate names the version to write when a 1.0 document uses a 1.1 field', async () => {
    const dir = await tempDir();
    await writeJson(dir, 'doc.json', { ...v11(), version: 1 });
    const r = await cli(dir, ['validate', 'doc.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\$\.subprocessors\.notice: is a field of format 1\.1: the document must say "version": "1\.1"/);
  });
});

describe('diff and format 1.1', () => {
  test('a renamed sub-processor with the same id is a change, not an addition and a removal; notice.days is the promise', async () => {
    const dir = await tempDir();
    const old = v11();
    const next = v11();
    next.subprocessors.entries = [
      { ...next.subprocessors.entries[0]!, name: 'Amazon Web Services' },
      { id: 'stripe', name: 'Stripe', purpose: 'Payments' } as never,
    ];
    next.updated = '2026-09';
    await writeJson(dir, 'old.json', old);
    await writeJson(dir, 'new.json', next);
    const d = JSON.parse((await cli(dir, ['diff', 'old.json', 'new.json', '--json'])).stdout);
    assert.deepEqual(
      d.subprocessors.changed.map((c: any) => [c.key, c.fields.map((f: any) => f.field)]),
      [['aws', ['name']]],
    );
    assert.deepEqual(
      d.subprocessors.added.map((s: any) => s.id),
      ['stripe'],
    );
    assert.deepEqual(d.subprocessors.removed, []);
    assert.equal(d.notice[0]?.promisedDays, 30);
  });
});

describe('migrate', () => {
  const v10 = () =>
    makeDocument({
      subprocessors: {
        disclosure: 'public',
        entries: [
          { name: 'Amazon Web Services', purpose: 'Hosting' },
          { name: 'Zürich Mail AG', purpose: 'E-mail' },
          { name: 'amazon web services!', purpose: 'Backups' },
        ],
        planned: [{ name: 'Stripe', purpose: 'Payments', effective: '2027-01-01' }],
      },
    });

  test('writes FILE.1.1.json: version "1.1", ids from names (unique), everything else kept; the input untouched', async () => {
    const dir = await tempDir();
    await writeJson(dir, 'posture.json', { ...v10(), 'x-keep': [1] });
    const before = await readFile(path.join(dir, 'posture.json'), 'utf8');
    const r = await cli(dir, ['migrate', 'posture.json']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /wrote posture\.1\.1\.json \(format 1\.1\)/);
    assert.equal(await readFile(path.join(dir, 'posture.json'), 'utf8'), before);
    const out = await readJson(path.join(dir, 'posture.1.1.json'));
    assert.equal(out.version, '1.1');
    assert.deepEqual(
      [...out.subprocessors.entries, ...out.subprocessors.planned].map((e: any) => e.id),
      ['amazon-web-services', 'zurich-mail-ag', 'amazon-web-services-2', 'stripe'],
    );
    assert.deepEqual(out['x-keep'], [1]);
    assert.equal((await cli(dir, ['validate', 'posture.1.1.json'])).code, 0);
  });

  test('an existing output is not replaced; --in-place replaces the input; an invalid document writes nothing', async () => {
    const dir = await tempDir();
    await writeJson(dir, 'posture.json', v10());
    await writeFile(path.join(dir, 'posture.1.1.json'), 'mine');
    const again = await cli(dir, ['migrate', 'posture.json']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /posture\.1\.1\.json already exists/);
    assert.equal(await readFile(path.join(dir, 'posture.1.1.json'), 'utf8'), 'mine');
    assert.equal((await cli(dir, ['migrate', 'posture.json', '--in-place'])).code, 0);
    assert.equal((await readJson(path.join(dir, 'posture.json'))).version, '1.1');

    await writeJson(dir, 'bad.json', { ...v10(), sequence: -1 });
    const bad = await cli(dir, ['migrate', 'bad.json', '--out', 'bad-out.json']);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /\$\.sequence: must not be negative/);
    await assert.rejects(readFile(path.join(dir, 'bad-out.json')));
  });
});

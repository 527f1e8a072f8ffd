import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, keygen, makeDocument, tempDir, writeJson } from './helpers.js';

describe('validate', () => {
  test('a valid document: ✓ valid, exit 0', async () => {
    const dir = await tempDir();
    await writeJson(dir, 'doc.json', makeDocument());
    const r = await cli(dir, ['validate', 'doc.json']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^✓ valid/);
    assert.equal(r.stderr, '');
  });

  test('an invalid document: every problem as "path: message", exit 1', async () => {
    const dir = await tempDir();
    const doc = makeDocument({ organization: { name: 'X', url: 'http://insecure.example' }, colour: 'blue' });
    (doc.categories as any)[0].controls[1].status = 'someday';
    delete doc.updated;
    await writeJson(dir, 'bad.json', doc);
    const r = await cli(dir, ['validate', 'bad.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /not a valid posture document \(4 problems\)/);
    assert.match(r.stdout, /^ {2}\$\.organization\.url: must be an https: URL$/m);
    assert.match(
      r.stdout,
      /^ {2}\$\.categories\[0\]\.controls\[1\]\.status: must be one of shipped, in-progress, roadmap, not-applicable$/m,
    );
    assert.match(r.stdout, /^ {2}\$\.updated: is required$/m);
    assert.match(r.stdout, /^ {2}\$\.colour: is not a field of this format$/m);
  });

  test('whole-document checks too (expires after issued, unique ids)', async () => {
    const dir = await tempDir();
    const doc = makeDocument({ issued: '2027-01-02T00:00:00Z', expires: '2027-01-01T00:00:00Z' });
    (doc.categories as any)[0].controls[1].id = 'sso'; // the first control's id again
    await writeJson(dir, 'bad.json', doc);
    const r = await cli(dir, ['validate', 'bad.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\$\.expires: must be later than issued/);
    assert.match(r.stdout, /\$\.categories\[0\]\.controls\[1\]\.id: control id "sso" is already used/);
  });

  test('invalid JSON: one line on stderr with line and column', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'broken.json'), '{\n  "version": 1,\n  issuer: "x"\n}\n');
    const r = await cli(dir, ['validate', 'broken.json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^trust-elements: broken\.json is not valid JSON \(line 3, column 3\): /);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  test('a signed file: says so and points to inspect / verify', async () => {
    const dir = await tempDir();
    await writeJson(dir, 'doc.json', makeDocument());
    await keygen(dir, 'ed25519', 'k.json');
    assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'signed.json'])).code, 0);
    const r = await cli(dir, ['validate', 'signed.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /signed document \(JWS\)/);
    assert.match(r.stdout, /trust-elements inspect signed\.json/);
    assert.match(r.stdout, /trust-elements verify signed\.json --jwks/);
  });

  test('a missing file: one line, exit 1; no FILE: usage, exit 2', async () => {
    const dir = await tempDir();
    const missing = await cli(dir, ['validate', 'nope.json']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'trust-elements: cannot read document nope.json: no such file\n');
    const none = await cli(dir, ['validate']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /validate needs a FILE/);
  });

  test('a valid but already expired document gets a note', async () => {
    const dir = await tempDir();
    await writeJson(dir, 'old.json', makeDocument({ issued: '2020-01-01T00:00:00Z', expires: '2020-03-01T00:00:00Z' }));
    const r = await cli(dir, ['validate', 'old.json']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /note: .*--valid-for/);
  });
});

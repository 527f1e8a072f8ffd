import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { cli, readJson, tempDir } from './helpers.js';

/** A stand-in for standard input: a terminal (or not) that answers with `lines`. */
function stdin(isTTY: boolean, lines: string[] = []) {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  stream.isTTY = isTTY;
  stream.end(lines.map((l) => `${l}\n`).join(''));
  return stream;
}

const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const schema = JSON.parse(await readFile(new URL('../../schema/posture-v1.schema.json', import.meta.url), 'utf8')) as { $id: string };

describe('init', () => {
  test('not on a terminal: writes posture.json from the flags without asking, and it validates', async () => {
    const dir = await tempDir();
    const r = await cli(dir, ['init', '--name', 'Acme AB', '--domain', 'acme.example', '--security-email', 'psirt@acme.example'], {
      stdin: stdin(false),
    });
    assert.equal(r.code, 0, r.stderr);
    const doc = await readJson(path.join(dir, 'posture.json'));
    assert.deepEqual(doc.organization, { name: 'Acme AB', url: 'https://acme.example' });
    assert.equal(doc.contacts[0].role, 'security');
    assert.equal(doc.contacts[0].email, 'psirt@acme.example');
    assert.ok(doc.categories.flatMap((c: any) => c.controls).length >= 3);
    assert.ok(doc.subprocessors.entries.length >= 1);
    assert.doesNotMatch(r.stdout, /\[.*\]: /, 'no prompt was printed');
    const v = await cli(dir, ['validate', 'posture.json']);
    assert.equal(v.code, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /^✓ valid draft/);
  });

  test('with no flags and no terminal: placeholders that still validate', async () => {
    const dir = await tempDir();
    const r = await cli(dir, ['init'], { stdin: stdin(false) });
    assert.equal(r.code, 0, r.stderr);
    const doc = await readJson(path.join(dir, 'posture.json'));
    assert.equal(doc.organization.url, 'https://example.com');
    assert.equal(doc.contacts[0].email, 'security@example.com');
    assert.equal((await cli(dir, ['validate', 'posture.json'])).code, 0);
  });

  test('on a terminal: asks each question in turn, and uses every answer', async () => {
    const dir = await tempDir();
    const r = await cli(dir, ['init'], { stdin: stdin(true, ['Acme AB', 'acme.example', 'psirt@acme.example']) });
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /Organization name \[Example Inc\.\]: Web domain \[example\.com\]: Security contact e-mail \[security@acme\.example\]: /,
    );
    const doc = await readJson(path.join(dir, 'posture.json'));
    assert.deepEqual(doc.organization, { name: 'Acme AB', url: 'https://acme.example' });
    assert.equal(doc.contacts[0].email, 'psirt@acme.example');
  });

  test('on a terminal: asks for what the flags do not give; an empty answer takes the default', async () => {
    const dir = await tempDir();
    const r = await cli(dir, ['init', '--name', 'Acme AB'], { stdin: stdin(true, ['https://Acme.example/', '']) });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /Organization name/, 'the name was given: not asked');
    assert.match(r.stdout, /Web domain \[example\.com\]: /);
    assert.match(r.stdout, /Security contact e-mail \[security@acme\.example\]: /);
    const doc = await readJson(path.join(dir, 'posture.json'));
    assert.equal(doc.organization.url, 'https://acme.example');
    assert.equal(doc.contacts[0].email, 'security@acme.example');
  });

  test('into DIR, creating it; prints the next three commands', async () => {
    const dir = await tempDir();
    const r = await cli(dir, ['init', 'site/trust'], { stdin: stdin(false) });
    assert.equal(r.code, 0, r.stderr);
    await readJson(path.join(dir, 'site/trust/posture.json'));
    const next = r.stdout.slice(r.stdout.indexOf('Next:'));
    assert.match(next, /cd site\/trust\n/);
    assert.match(next, /trust-elements validate posture\.json\n/);
    assert.match(next, /trust-elements keygen\n/);
    assert.match(next, /trust-elements sign posture\.json --key trust-elements\.key\.json --valid-for 90d --out posture\.signed\.json\n/);
  });

  test('refuses to overwrite an existing posture.json unless --force', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'posture.json'), '{"mine": true}\n');
    const r = await cli(dir, ['init', '--name', 'Acme AB'], { stdin: stdin(false) });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /posture\.json already exists: edit it, or pass --force/);
    assert.equal(await readFile(path.join(dir, 'posture.json'), 'utf8'), '{"mine": true}\n');
    const forced = await cli(dir, ['init', '--name', 'Acme AB', '--force'], { stdin: stdin(false) });
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal((await readJson(path.join(dir, 'posture.json'))).organization.name, 'Acme AB');
  });

  test('a flag that would make an invalid document is named (exit 2), and nothing is written', async () => {
    const dir = await tempDir();
    const bad = await cli(dir, ['init', '--domain', 'not a domain'], { stdin: stdin(false) });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--domain 'not a domain' is not a domain name/);
    const email = await cli(dir, ['init', '--security-email', 'nobody'], { stdin: stdin(false) });
    assert.equal(email.code, 2);
    assert.match(email.stderr, /--security-email: \$\.contacts\[0\]\.email: must be an e-mail address/);
    await assert.rejects(readFile(path.join(dir, 'posture.json')));
  });

  test("$schema is the published schema of this version on a CDN, and is the schema file's $id", async () => {
    const dir = await tempDir();
    await cli(dir, ['init'], { stdin: stdin(false) });
    const doc = await readJson(path.join(dir, 'posture.json'));
    assert.equal(doc.$schema, `https://cdn.jsdelivr.net/npm/trust-elements@${pkg.version}/schema/posture-v1.schema.json`);
    assert.equal(schema.$id, doc.$schema);
    // The path after the version is a file the package publishes.
    const files = (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[] }).files;
    assert.ok(files.includes('schema'));
  });
});

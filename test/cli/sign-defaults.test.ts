/** `sign` on a draft (as `init` writes it) with only --key: what it fills in, and the hints when it cannot. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { cli, keygen, makeDocument, readJson, tempDir, writeJson } from './helpers.js';
import { serveDir } from './serve.js';

const DAY = 86_400_000;
const notATerminal = () => Object.assign(new PassThrough().end(), { isTTY: false });

/** The payload of a signed file, decoded (not verified). */
const payloadOf = async (file: string) => JSON.parse(Buffer.from((await readJson(file)).payload, 'base64url').toString('utf8'));

async function draft(): Promise<string> {
  const dir = await tempDir();
  const r = await cli(dir, ['init', '--name', 'Acme AB', '--domain', 'acme.example'], { stdin: notATerminal() });
  assert.equal(r.code, 0, r.stderr);
  await keygen(dir, 'ed25519', 'trust-elements.key.json');
  return dir;
}

describe('sign with only --key', () => {
  test("on init's document: issuer from organization.url, 90 days, sequence 1, each said", async () => {
    const dir = await draft();
    const now = new Date('2027-03-01T12:00:00Z');
    const r = await cli(dir, ['sign', 'posture.json', '--key', 'trust-elements.key.json', '--out', 'posture.signed.json'], {
      now: () => now,
    });
    assert.equal(r.code, 0, r.stderr);
    const doc = await payloadOf(path.join(dir, 'posture.signed.json'));
    assert.equal(doc.issuer, 'https://acme.example');
    assert.equal(doc.sequence, 1);
    assert.equal(doc.issued, '2027-03-01T12:00:00Z');
    assert.equal(Date.parse(doc.expires) - now.getTime(), 90 * DAY);
    assert.match(r.stdout, /issuer +https:\/\/acme\.example +\(the origin of organization\.url; --issuer to change\)/);
    assert.match(r.stdout, /sequence +1 +\(the first release; --sequence to change\)/);
  });

  test('signing again into the same --out: the sequence is one above the previous release', async () => {
    const dir = await draft();
    const args = ['sign', 'posture.json', '--key', 'trust-elements.key.json', '--out', 'posture.signed.json'];
    assert.equal((await cli(dir, args)).code, 0);
    const again = await cli(dir, [...args, '--valid-for', '30d']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((await payloadOf(path.join(dir, 'posture.signed.json'))).sequence, 2);
    assert.match(again.stdout, /sequence +2 +\(one above the previous release, 1; --sequence to change\)/);
    // A flag wins.
    assert.equal((await cli(dir, [...args, '--sequence', '9'])).code, 0);
    assert.equal((await payloadOf(path.join(dir, 'posture.signed.json'))).sequence, 9);
  });

  test("the README's --valid-for 90d works on a draft", async () => {
    const dir = await draft();
    const r = await cli(dir, [
      'sign',
      'posture.json',
      '--key',
      'trust-elements.key.json',
      '--valid-for',
      '90d',
      '--out',
      'posture.signed.json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const doc = await payloadOf(path.join(dir, 'posture.signed.json'));
    assert.equal(Date.parse(doc.expires) - Date.parse(doc.issued), 90 * DAY);
  });

  test('to standard output: the JWS alone on stdout, what sign chose on stderr', async () => {
    const dir = await draft();
    const r = await cli(dir, ['sign', 'posture.json', '--key', 'trust-elements.key.json']);
    assert.equal(r.code, 0, r.stderr);
    const jws = JSON.parse(r.stdout);
    assert.equal(JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')).sequence, 1);
    assert.match(r.stderr, /^issuer: https:\/\/acme\.example \(the origin of organization\.url/m);
  });

  test('the document says what it says: its own issuer, dates and sequence are kept', async () => {
    const dir = await tempDir();
    const { file } = await keygen(dir, 'ed25519', 'k.json');
    const doc = makeDocument({ sequence: 41 });
    await writeJson(dir, 'doc.json', doc);
    const r = await cli(dir, ['sign', 'doc.json', '--key', file, '--out', 'out.json']);
    assert.equal(r.code, 0, r.stderr);
    const signed = await payloadOf(path.join(dir, 'out.json'));
    assert.equal(signed.sequence, 41);
    assert.equal(signed.issuer, doc.issuer);
    assert.equal(signed.expires, doc.expires);
    assert.doesNotMatch(r.stdout, /to change\)/);
  });

  test('what cannot be derived is refused with the flag to pass', async () => {
    const dir = await tempDir();
    const { file } = await keygen(dir, 'ed25519', 'k.json');
    const doc = makeDocument({ organization: { name: 'No site', url: 'not a url' } });
    delete doc.issuer;
    delete doc.expires;
    await writeJson(dir, 'doc.json', doc);
    const r = await cli(dir, ['sign', 'doc.json', '--key', file, '--out', 'out.json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^ {2}\$\.issuer: is required$/m);
    assert.match(r.stderr, /^ {2}hint: issuer: pass --issuer https:\/\/your-domain/m);
    assert.match(r.stderr, /^ {2}hint: expires: pass --valid-for 90d/m);
    await assert.rejects(readFile(path.join(dir, 'out.json')));
    // validate gives the same hints.
    const v = await cli(dir, ['validate', 'doc.json']);
    assert.equal(v.code, 1);
    assert.match(v.stdout, /hint: issuer: pass --issuer/);
  });
});

describe('sign --previous', () => {
  test('a site DIR that publish wrote, or its URL: one above the published sequence', async () => {
    const dir = await draft();
    const sign = ['sign', 'posture.json', '--key', 'trust-elements.key.json'];
    assert.equal((await cli(dir, [...sign, '--sequence', '4', '--out', 'first.json'])).code, 0);
    const published = await cli(dir, ['publish', 'public', '--document', 'first.json', '--jwks', 'jwks.json']);
    assert.equal(published.code, 0, published.stderr);
    const fromDir = await cli(dir, [...sign, '--previous', 'public', '--out', 'second.json']);
    assert.equal(fromDir.code, 0, fromDir.stderr);
    assert.equal((await payloadOf(path.join(dir, 'second.json'))).sequence, 5);
    assert.match(fromDir.stdout, /sequence +5 +\(one above the previous release, 4/);

    const server = await serveDir(path.join(dir, 'public'));
    try {
      const fromUrl = await cli(
        dir,
        [...sign, '--previous', `${server.origin}/.well-known/trust-elements/posture.json`, '--out', 'third.json'],
        { fetch: globalThis.fetch },
      );
      assert.equal(fromUrl.code, 0, fromUrl.stderr);
      assert.equal((await payloadOf(path.join(dir, 'third.json'))).sequence, 5);
    } finally {
      await server.close();
    }
  });

  test('a --previous that holds no signed document is an error; a sequence not above it, a warning', async () => {
    const dir = await draft();
    const sign = ['sign', 'posture.json', '--key', 'trust-elements.key.json'];
    const missing = await cli(dir, [...sign, '--previous', 'nowhere', '--out', 'x.json']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read previous release nowhere: no such file/);
    const unsigned = await cli(dir, [...sign, '--previous', 'posture.json', '--out', 'x.json']);
    assert.equal(unsigned.code, 1);
    assert.match(unsigned.stderr, /--previous posture\.json is not a signed document with a sequence/);

    assert.equal((await cli(dir, [...sign, '--sequence', '6', '--out', 'x.json'])).code, 0);
    const backwards = await cli(dir, [...sign, '--sequence', '6', '--out', 'x.json']);
    assert.equal(backwards.code, 0, backwards.stderr);
    assert.match(backwards.stderr, /warning: sequence 6 is not above the previous release's \(6\): pass --sequence 7/);
  });
});

/**
 * Issue 11, finding 2: text from a file or a server never reaches the terminal raw. A crafted
 * document carries line-clearing CSI, an OSC title, a C1 CSI, a bidi override and a line
 * separator in every field the CLI prints; every command's stdout and stderr must hold none of
 * them (shown as visible escapes instead), and quoted input is bounded.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encode, utf8 } from '../../src/core/base64url.js';
import { cli, keygen, makeDocument, tempDir, writeJson, type Result } from './helpers.js';

/** Clears the line, returns to its start, paints a fake verdict; sets the window title; C1 CSI; RLO; LS. */
const EVIL = '\u001b[2K\r✓ verified\u001b]0;pwned\u0007\u009b31m\u202egnp.exe\u2028next';

/** Any character a terminal could act on, other than the line breaks between lines. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u;

function assertClean(r: Result, what: string): void {
  for (const [name, text] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ] as const) {
    const at = RAW.exec(text);
    assert.equal(
      at,
      null,
      `${what}: raw U+${at?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} in ${name}: ${JSON.stringify(text.slice(Math.max(0, (at?.index ?? 0) - 40), (at?.index ?? 0) + 40))}`,
    );
  }
}

/** The escapes a reader sees instead, proving the text was shown (escaped), not dropped. */
const SHOWN = /\\u\{1b\}\[2K\\u\{d\}✓ verified\\u\{1b\}\]0;pwned\\u\{7\}\\u\{9b\}31m\\u\{202e\}gnp\.exe\\u\{2028\}next/;

/** A signed document whose protected header says `header` (the signature is not valid for it). */
async function withHeader(signedFile: string, header: Record<string, unknown>, unprotected?: Record<string, unknown>): Promise<string> {
  const jws = JSON.parse(await readFile(signedFile, 'utf8'));
  jws.signatures[0].protected = encode(utf8(JSON.stringify(header)));
  if (unprotected) jws.signatures[0].header = unprotected;
  return JSON.stringify(jws);
}

async function setup() {
  const dir = await tempDir();
  const evilDoc = makeDocument({
    organization: { name: `Acme ${EVIL}`, url: 'https://vendor.example' },
    statements: [{ id: 'hosting', title: EVIL, body: [{ type: 'paragraph', text: EVIL }] }],
  });
  await writeJson(dir, 'evil.json', evilDoc);
  const key = await keygen(dir, 'ed25519', 'key.json');
  const r = await cli(dir, ['sign', 'evil.json', '--key', 'key.json', '--out', 'evil.signed.json']);
  assertClean(r, 'sign --out');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, SHOWN, 'sign shows the organization, escaped');
  return { dir, key };
}

describe('terminal safety: no raw control or bidi character from input is printed', () => {
  test('inspect: organization, header alg/kid/typ, other header names, unprotected names', async () => {
    const { dir } = await setup();
    const text = await withHeader(path.join(dir, 'evil.signed.json'), { alg: EVIL, kid: EVIL, typ: EVIL, [EVIL]: 1 }, { [EVIL]: 2 });
    await writeFile(path.join(dir, 'crafted.json'), text);
    const r = await cli(dir, ['inspect', 'crafted.json']);
    assertClean(r, 'inspect');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /organization +Acme \\u\{1b\}\[2K/);
    assert.match(r.stdout, /alg \\u\{1b\}\[2K\\u\{d\}✓ verified/);
    assert.match(r.stdout, /kid \\u\{1b\}\[2K/);
    assert.match(r.stdout, /other: \\u\{1b\}\[2K/);
    assert.match(r.stdout, /unprotected: \\u\{1b\}\[2K/);
    const json = await cli(dir, ['inspect', 'crafted.json', '--json']);
    assertClean(json, 'inspect --json');
    assert.equal(JSON.parse(json.stdout).organization.name, `Acme ${EVIL}`, '--json is still the same JSON value');
  });

  test('inspect: a payload that is not a posture document lists its problems escaped', async () => {
    const dir = await tempDir();
    const payload = { [EVIL]: EVIL, organization: { name: 7 }, categories: [{ controls: [{ status: EVIL }] }] };
    await writeFile(
      path.join(dir, 'odd.json'),
      JSON.stringify({
        payload: encode(utf8(JSON.stringify(payload))),
        signatures: [{ protected: encode(utf8('{"alg":"EdDSA"}')), signature: 'AA' }],
      }),
    );
    const r = await cli(dir, ['inspect', 'odd.json']);
    assertClean(r, 'inspect (invalid payload)');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /not a valid posture document/);
    assert.match(r.stdout, /\\u\{1b\}\[2K/);
  });

  test("verify: a verified document's organization, and the alg-refused message, bounded", async () => {
    const { dir, key } = await setup();
    const ok = await cli(dir, ['verify', 'evil.signed.json', '--jwks', 'jwks.json']);
    assertClean(ok, 'verify');
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /organization +Acme \\u\{1b\}\[2K/);
    const json = await cli(dir, ['verify', 'evil.signed.json', '--jwks', 'jwks.json', '--json']);
    assertClean(json, 'verify --json');
    assert.equal(JSON.parse(json.stdout).organization, `Acme ${EVIL}`);

    const long = `${EVIL}${'A'.repeat(5000)}`;
    await writeFile(
      path.join(dir, 'alg.json'),
      await withHeader(path.join(dir, 'evil.signed.json'), { alg: long, kid: key.kid, typ: 'trust-posture+json' }),
    );
    const refused = await cli(dir, ['verify', 'alg.json', '--jwks', 'jwks.json']);
    assertClean(refused, 'verify alg-refused');
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /✗ alg-refused: /);
    assert.match(refused.stdout, /\\u\{1b\}\[2K/, 'the alg is shown, escaped');
    assert.ok(!refused.stdout.includes('A'.repeat(100)), 'and only an excerpt of it');
    assert.ok(refused.stdout.length < 600, `bounded: ${refused.stdout.length} characters`);
    const refusedJson = await cli(dir, ['verify', 'alg.json', '--jwks', 'jwks.json', '--json']);
    assertClean(refusedJson, 'verify --json alg-refused');
  });

  test('verify over http: a content type and a URL from a server', async () => {
    const { dir } = await setup();
    // A stand-in for a response (WHATWG Headers would refuse some of these bytes; a raw socket need not).
    const type = `text/html; x=${EVIL}${'C'.repeat(500)}`;
    const fetch = async () =>
      ({
        ok: true,
        status: 200,
        statusText: 'OK',
        headers: { get: (name: string) => (name === 'content-type' ? type : null) },
        body: null,
        arrayBuffer: async () => new ArrayBuffer(2),
      }) as unknown as Response;
    const r = await cli(dir, ['verify', 'https://vendor.example/p.json'], { fetch });
    assertClean(r, 'verify content-type');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /✗ content-type: .*\\u\{1b\}\[2K/);
    assert.ok(!r.stdout.includes('C'.repeat(80)), 'a bounded excerpt of the content type');
    const statusText = `${EVIL}${'D'.repeat(5000)}`;
    const notFound = async () => ({ ok: false, status: 404, statusText, headers: { get: () => null }, body: null }) as unknown as Response;
    const r404 = await cli(dir, ['verify', 'https://vendor.example/p.json'], { fetch: notFound });
    assertClean(r404, 'verify http-status');
    assert.match(r404.stdout, /✗ http-status: The server answered 404 \\u\{1b\}\[2K/);
    assert.ok(r404.stdout.length < 700, `a server's status text is bounded: ${r404.stdout.length} characters`);
  });

  test('validate: a valid document with a crafted name; an invalid one with crafted member names', async () => {
    const { dir } = await setup();
    const ok = await cli(dir, ['validate', 'evil.json']);
    assertClean(ok, 'validate');
    assert.equal(ok.code, 0, ok.stdout);
    assert.match(ok.stdout, SHOWN);
    await writeJson(
      dir,
      'bad.json',
      makeDocument({
        [EVIL]: 1,
        organization: { name: EVIL, url: `https://x.example/${EVIL}` },
        contacts: [{ role: EVIL, url: `mailto:${EVIL}` }],
      }),
    );
    const bad = await cli(dir, ['validate', 'bad.json']);
    assertClean(bad, 'validate (invalid)');
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /not a valid posture document/);
  });

  test('sign to stdout and sign refusing an invalid document', async () => {
    const { dir } = await setup();
    const out = await cli(dir, ['sign', 'evil.json', '--key', 'key.json']);
    assertClean(out, 'sign (stdout)');
    assert.equal(out.code, 0, out.stderr);
    await writeJson(dir, 'bad.json', makeDocument({ [EVIL]: 1, sequence: EVIL }));
    const bad = await cli(dir, ['sign', 'bad.json', '--key', 'key.json', '--out', 'x.json']);
    assertClean(bad, 'sign (invalid)');
    assert.equal(bad.code, 1);
  });

  test('publish: the organization; and its refusal of a document that does not verify', async () => {
    const { dir, key } = await setup();
    const r = await cli(dir, ['publish', 'site', '--document', 'evil.signed.json', '--jwks', 'jwks.json']);
    assertClean(r, 'publish');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, SHOWN);
    await writeFile(
      path.join(dir, 'alg.json'),
      await withHeader(path.join(dir, 'evil.signed.json'), { alg: EVIL, kid: key.kid, typ: 'trust-posture+json' }),
    );
    const refused = await cli(dir, ['publish', 'site2', '--document', 'alg.json', '--jwks', 'jwks.json']);
    assertClean(refused, 'publish (refused)');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /alg-refused/);
  });

  test("in colour, the only escape sequences are the CLI's own colours", async () => {
    const { dir } = await setup();
    for (const argv of [
      ['inspect', 'evil.signed.json'],
      ['verify', 'evil.signed.json', '--jwks', 'jwks.json'],
      ['validate', 'evil.json'],
    ]) {
      const r = await cli(dir, argv, { color: true });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /\u001b\[3\dm/, 'colours are on');
      assertClean({ ...r, stdout: r.stdout.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '') }, `${argv[0]} in colour`);
    }
  });

  test('file names and option values from the command line are escaped too', async () => {
    const dir = await tempDir();
    const r = await cli(dir, ['verify', `x${EVIL}.json`, '--jwks', 'jwks.json']);
    assertClean(r, 'verify of a missing crafted name');
    assert.equal(r.code, 1);
    const issuer = await cli(dir, ['verify', 'x.json', '--jwks', 'j.json', '--issuer', `${EVIL}${'B'.repeat(500)}`]);
    assertClean(issuer, '--issuer');
    assert.ok(!issuer.stderr.includes('B'.repeat(80)), 'a bounded excerpt of the bad value');
  });
});

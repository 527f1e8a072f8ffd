import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, keygen, makeDocument, readJson, tamperPayload, tempDir, writeJson } from './helpers.js';
import { parseDuration, validityPeriod } from '../../src/cli/time.js';

const decodePayload = (jws: { payload: string }) => JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));
const headers = (jws: { signatures: { protected: string }[] }) =>
  jws.signatures.map((s) => JSON.parse(Buffer.from(s.protected, 'base64url').toString('utf8')));

/** A directory with doc.json and keys made by keygen. */
async function setup(algs: ('ed25519' | 'es256')[] = ['ed25519']) {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', makeDocument());
  const keys = [];
  for (const [i, alg] of algs.entries()) keys.push(await keygen(dir, alg, `key${i}.json`));
  return { dir, keys };
}

describe('sign + verify round trip', () => {
  for (const algs of [['ed25519'], ['es256'], ['ed25519', 'es256']] as const) {
    test(algs.join(' + '), async () => {
      const { dir, keys } = await setup([...algs]);
      const signed = await cli(dir, ['sign', 'doc.json', ...keys.flatMap((k) => ['--key', path.basename(k.file)]), '--out', 'signed.json']);
      assert.equal(signed.code, 0, signed.stderr);
      assert.match(signed.stdout, /✓ signed doc\.json → signed\.json/);
      const jws = await readJson(path.join(dir, 'signed.json'));
      assert.equal(jws.signatures.length, algs.length);
      assert.deepEqual(
        headers(jws).map((h) => h.kid),
        keys.map((k) => k.kid),
      );
      assert.deepEqual(
        headers(jws).map((h) => h.alg),
        algs.map((a) => (a === 'es256' ? 'ES256' : 'EdDSA')),
      );
      assert.ok(headers(jws).every((h) => h.typ === 'trust-posture+json'));
      assert.deepEqual(decodePayload(jws), await readJson(path.join(dir, 'doc.json')), 'the payload is the document as written');

      const v = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json']);
      assert.equal(v.code, 0, v.stdout + v.stderr);
      assert.match(v.stdout, /^✓ verified/);
      assert.match(v.stdout, /issuer +https:\/\/vendor\.example/);
      assert.match(v.stdout, /organization +Vendor Example/);
      for (const [i, k] of keys.entries()) assert.ok(v.stdout.includes(`${k.kid} (${algs[i] === 'es256' ? 'ES256' : 'EdDSA'})`));
      assert.match(v.stdout, /expires .*\(expires in 30 days\)/);
      assert.match(v.stdout, /sequence +7/);
    });
  }

  test('to stdout when there is no --out; --issuer, --sequence and --valid-for override', async () => {
    const { dir, keys } = await setup();
    const now = new Date('2027-03-10T08:30:15.123Z');
    const r = await cli(
      dir,
      ['sign', 'doc.json', '--key', keys[0]!.file, '--issuer', 'https://trust.vendor.example', '--sequence', '12', '--valid-for', '90d'],
      { now: () => now },
    );
    assert.equal(r.code, 0, r.stderr);
    const doc = decodePayload(JSON.parse(r.stdout));
    assert.equal(doc.issuer, 'https://trust.vendor.example');
    assert.equal(doc.sequence, 12);
    assert.equal(doc.issued, '2027-03-10T08:30:15Z');
    assert.equal(doc.expires, '2027-06-08T08:30:15Z');
    assert.equal(r.stderr, '');
  });

  test('--valid-for: 1y and P6M are fine; more than 366 days, nonsense and 0 are refused', async () => {
    const { dir, keys } = await setup();
    const now = () => new Date('2028-01-15T00:00:00Z');
    const year = await cli(dir, ['sign', 'doc.json', '--key', keys[0]!.file, '--valid-for', '1y'], { now });
    assert.equal(year.code, 0, year.stderr);
    assert.equal(decodePayload(JSON.parse(year.stdout)).expires, '2029-01-15T00:00:00Z');
    const iso = await cli(dir, ['sign', 'doc.json', '--key', keys[0]!.file, '--valid-for', 'P6M'], { now });
    assert.equal(decodePayload(JSON.parse(iso.stdout)).expires, '2028-07-15T00:00:00Z');
    for (const bad of ['400d', '13m', '2y', 'P53W', 'soon', '0d']) {
      const r = await cli(dir, ['sign', 'doc.json', '--key', keys[0]!.file, '--valid-for', bad], { now });
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /^trust-elements: --valid-for/);
    }
  });

  test('durations: units, ISO, calendar months', () => {
    assert.deepEqual(parseDuration('12w'), { years: 0, months: 0, weeks: 12, days: 0 });
    assert.deepEqual(parseDuration('P1Y2M'), { years: 1, months: 2, weeks: 0, days: 0 });
    assert.equal(parseDuration('P'), undefined);
    assert.equal(parseDuration('-5d'), undefined);
    // Jan 31 + 1 month is the last day of February, not March 2/3.
    assert.equal(validityPeriod('1m', new Date('2027-01-31T00:00:00Z')).expires.toISOString(), '2027-02-28T00:00:00.000Z');
  });

  test('refuses a public key as --key, a JWKS, a missing key file, a broken one, and no --key', async () => {
    const { dir, keys } = await setup();
    const jwks = await readJson(path.join(dir, 'jwks.json'));
    await writeJson(dir, 'public.json', jwks.keys[0]);
    const pub = await cli(dir, ['sign', 'doc.json', '--key', 'public.json']);
    assert.equal(pub.code, 1);
    assert.match(pub.stderr, /public\.json holds a public key/);
    const set = await cli(dir, ['sign', 'doc.json', '--key', 'jwks.json']);
    assert.match(set.stderr, /is a key set \(JWKS\), not a private key/);
    const missing = await cli(dir, ['sign', 'doc.json', '--key', 'nope.json']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'trust-elements: cannot read key file nope.json: no such file\n');
    await writeFile(path.join(dir, 'broken.json'), '{"kty": "OKP",\n "d": }');
    const broken = await cli(dir, ['sign', 'doc.json', '--key', 'broken.json']);
    assert.match(broken.stderr, /key file broken\.json is not valid JSON \(line 2, column 7\)/);
    const none = await cli(dir, ['sign', 'doc.json']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /needs at least one --key/);
    const twice = await cli(dir, ['sign', 'doc.json', '--key', keys[0]!.file, '--key', keys[0]!.file]);
    assert.equal(twice.code, 2);
  });

  test('refuses an invalid document, listing every issue, and writes nothing', async () => {
    const { dir, keys } = await setup();
    await writeJson(dir, 'bad.json', makeDocument({ version: 0, sequence: -1, organization: { name: '', url: 'https://x.example' } }));
    const r = await cli(dir, ['sign', 'bad.json', '--key', keys[0]!.file, '--out', 'out.json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^trust-elements: bad\.json is not a valid posture document \(3 problems\); nothing was signed:/);
    assert.match(r.stderr, /^ {2}\$\.version: /m);
    assert.match(r.stderr, /^ {2}\$\.sequence: must not be negative$/m);
    assert.match(r.stderr, /^ {2}\$\.organization\.name: must not be empty$/m);
    await assert.rejects(readFile(path.join(dir, 'out.json')));
    const badIssuer = await cli(dir, ['sign', 'doc.json', '--key', keys[0]!.file, '--issuer', 'https://x.example/path']);
    assert.equal(badIssuer.code, 1);
    assert.match(badIssuer.stderr, /\$\.issuer: must be an origin/);
    await writeFile(path.join(dir, 'broken.json'), '{"version": 1,');
    const broken = await cli(dir, ['sign', 'broken.json', '--key', keys[0]!.file]);
    assert.match(broken.stderr, /broken\.json is not valid JSON \(line 1, column 15\)/);
  });

  test('refuses to sign an already signed document', async () => {
    const { dir, keys } = await setup();
    await cli(dir, ['sign', 'doc.json', '--key', keys[0]!.file, '--out', 's.json']);
    const r = await cli(dir, ['sign', 's.json', '--key', keys[0]!.file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /already signed/);
  });

  test('warns when signing a document that has already expired', async () => {
    const { dir, keys } = await setup();
    await writeJson(dir, 'old.json', makeDocument({ issued: '2020-01-01T00:00:00Z', expires: '2020-02-01T00:00:00Z' }));
    const r = await cli(dir, ['sign', 'old.json', '--key', keys[0]!.file, '--out', 'o.json']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /warning: .*has passed.*--valid-for/);
  });
});

describe('verify failures', () => {
  async function signedSetup() {
    const { dir, keys } = await setup(['ed25519']);
    assert.equal((await cli(dir, ['sign', 'doc.json', '--key', keys[0]!.file, '--out', 'signed.json'])).code, 0);
    return { dir, key: keys[0]! };
  }

  test('a tampered payload (one character flipped): ✗ signature-invalid, exit 1', async () => {
    const { dir } = await signedSetup();
    await writeFile(path.join(dir, 'tampered.json'), tamperPayload(await readFile(path.join(dir, 'signed.json'), 'utf8')));
    const r = await cli(dir, ['verify', 'tampered.json', '--jwks', 'jwks.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ signature-invalid: /);
  });

  test('the wrong key: ✗ no-trusted-signature', async () => {
    const { dir } = await signedSetup();
    await keygen(dir, 'ed25519', 'other.json', 'other-jwks.json');
    const r = await cli(dir, ['verify', 'signed.json', '--jwks', 'other-jwks.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ no-trusted-signature: /);
  });

  test("--pin: the signer's key id verifies, another one does not", async () => {
    const { dir, key } = await signedSetup();
    const ok = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--pin', key.kid]);
    assert.equal(ok.code, 0, ok.stdout);
    const r = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--pin', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ no-trusted-signature: None of the pinned keys/);
  });

  test('expired (--now after expires): exit 1, but shows what was verified', async () => {
    const { dir, key } = await signedSetup();
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const r = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--now', later]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ expired: /);
    assert.match(r.stdout, /signatures are valid/);
    assert.ok(r.stdout.includes(`${key.kid} (EdDSA)`));
    assert.match(r.stdout, /expired 9 days ago|expired 10 days ago/);
    const json = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--now', later, '--json']);
    assert.equal(json.code, 1);
    const result = JSON.parse(json.stdout);
    assert.equal(result.verified, false);
    assert.equal(result.error.code, 'expired');
    assert.equal(result.expired, true);
    assert.equal(result.issuer, 'https://vendor.example');
  });

  test('issued in the future (--now before issued): ✗ issued-in-future', async () => {
    const { dir } = await signedSetup();
    const r = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--now', '2001-01-01']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ issued-in-future: /);
  });

  test('--issuer: must match the document', async () => {
    const { dir } = await signedSetup();
    assert.equal((await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--issuer', 'https://vendor.example/'])).code, 0);
    const r = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--issuer', 'https://evil.example']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ issuer-mismatch: /);
  });

  test('a local file without --jwks: a usage error that says so', async () => {
    const { dir } = await signedSetup();
    const r = await cli(dir, ['verify', 'signed.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^trust-elements: a local file needs --jwks FILE_OR_URL/);
  });

  test('a JWKS holding a private key is refused', async () => {
    const { dir, key } = await signedSetup();
    await writeJson(dir, 'leaky.json', { keys: [await readJson(key.file)] });
    const r = await cli(dir, ['verify', 'signed.json', '--jwks', 'leaky.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ keys-invalid: .*private or secret key/);
    const keyAsJwks = await cli(dir, ['verify', 'signed.json', '--jwks', path.basename(key.file)]);
    assert.equal(keyAsJwks.code, 1);
    assert.match(keyAsJwks.stderr, /is a private key, not a key set/);
  });

  test('--json on success', async () => {
    const { dir, key } = await signedSetup();
    const r = await cli(dir, ['verify', 'signed.json', '--jwks', 'jwks.json', '--json']);
    assert.equal(r.code, 0);
    const result = JSON.parse(r.stdout);
    assert.equal(result.verified, true);
    assert.deepEqual(result.signers, [{ kid: key.kid, alg: 'EdDSA' }]);
    assert.equal(result.document.organization.name, 'Vendor Example');
    assert.equal(result.sequence, 7);
  });

  test('a signed payload that is not a valid document: ✗ schema-invalid with every issue', async () => {
    const { dir, key } = await signedSetup();
    const { importSigningKey, serializeJws, signJws, POSTURE_TYP } = await import('../../src/core/index.js');
    const signing = await importSigningKey(await readJson(key.file));
    const payload = new TextEncoder().encode(JSON.stringify({ ...makeDocument(), version: 0, extra: true }));
    await writeFile(path.join(dir, 'odd.json'), serializeJws(await signJws(payload, [signing], { typ: POSTURE_TYP })));
    const r = await cli(dir, ['verify', 'odd.json', '--jwks', 'jwks.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ schema-invalid: /);
    assert.match(r.stdout, /^ {2}\$\.version: /m);
    assert.match(r.stdout, /^ {2}\$\.extra: is not a field of this format$/m);
  });

  test('a signed document of a newer major format version: ✗ newer-version, made for a newer version of trust-elements', async () => {
    const { dir, key } = await signedSetup();
    const { importSigningKey, serializeJws, signJws, POSTURE_TYP } = await import('../../src/core/index.js');
    const signing = await importSigningKey(await readJson(key.file));
    const payload = new TextEncoder().encode(JSON.stringify({ ...makeDocument(), version: '2.0', somethingNew: {} }));
    await writeFile(path.join(dir, 'v2.json'), serializeJws(await signJws(payload, [signing], { typ: POSTURE_TYP })));
    const r = await cli(dir, ['verify', 'v2.json', '--jwks', 'jwks.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ newer-version: .*made for a newer version of trust-elements/);
  });
});

test('signing a large document with an Ed25519 key warns about the WebKitGTK limit; ES256 does not', async () => {
  const dir = await tempDir();
  const controls = Array.from({ length: 700 }, (_, i) => ({
    id: `c${i}`,
    title: `Control ${i}`,
    status: 'shipped',
    description: 'x'.repeat(60),
  }));
  await writeJson(dir, 'big.json', makeDocument({ categories: [{ id: 'all', title: 'All', controls }] }));
  for (const [alg, warns] of [
    ['ed25519', true],
    ['es256', false],
  ] as const) {
    await keygen(dir, alg, `${alg}.key.json`, `${alg}.jwks.json`);
    const result = await cli(dir, ['sign', 'big.json', '--key', `${alg}.key.json`, '--out', `${alg}.signed.json`]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(/WebKitGTK/.test(result.stderr), warns, `${alg}: ${result.stderr}`);
  }
});

test('a key id that begins with "-" is read as the --pin value, not as an option', async () => {
  const dir = await tempDir();
  // Find, by trying keys, one whose id begins with "-" (about 1 in 64).
  let kid = '';
  for (let i = 0; i < 400 && !kid.startsWith('-'); i++) kid = (await keygen(dir, 'ed25519', `k${i}.json`, `j${i}.json`)).kid;
  assert.ok(kid.startsWith('-'), 'no key id starting with "-" found');
  const n = (await readdir(dir)).filter((f) => f.startsWith('j')).length - 1;
  await writeJson(dir, 'doc.json', makeDocument());
  assert.equal((await cli(dir, ['sign', 'doc.json', '--key', `k${n}.json`, '--out', 'signed.json'])).code, 0);
  const ok = await cli(dir, ['verify', 'signed.json', '--jwks', `j${n}.json`, '--pin', kid]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
});

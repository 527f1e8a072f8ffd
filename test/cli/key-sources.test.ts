/**
 * Issue 13, signing without a key file: `sign --key -` (standard input), `--key env:NAME` (a CI
 * secret), never a key written on the command line; and `--signer "COMMAND"`, an external program
 * that gets the bytes to sign and answers with the signature (here a small Node script holding a
 * key of the test's own), with clear failures: its exit status and escaped stderr, a timeout, an
 * output that is no signature, a signature by another key.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { cli, keygen, makeDocument, readJson, tempDir, writeJson } from './helpers.js';

const stdinOf = (text: string) => Object.assign(new PassThrough().end(text), { isTTY: false });

/** A folder with the test document and a key (key.json, jwks.json). */
async function folder() {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', makeDocument());
  const key = await keygen(dir, 'ed25519', 'key.json');
  return { dir, key, keyText: await readFile(key.file, 'utf8') };
}

const verifies = async (dir: string, kid: string, file = 'signed.json') =>
  (await cli(dir, ['verify', file, '--pin', kid, '--now', new Date().toISOString()])).code === 0;

/**
 * A signer script: signs its standard input with the private JWK in the file SIGNER_KEY (node:crypto,
 * as a KMS client would with its own key), and prints the signature in base64url (or `MODE`).
 */
const SIGNER_SCRIPT = `
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const mode = process.env.MODE ?? 'base64url';
if (mode === 'fail') { process.stderr.write('HSM locked\\u001b[31m red\\n'); process.exit(3); }
if (mode === 'hang') await new Promise((r) => setTimeout(r, 60000));
if (mode === 'garbage') { process.stdout.write('not a signature'); process.exit(0); }
const key = createPrivateKey({ key: JSON.parse(readFileSync(process.env.SIGNER_KEY, 'utf8')), format: 'jwk' });
const der = process.env.TRUST_ELEMENTS_ALG === 'ES256';
const signature = sign(der ? 'sha256' : null, Buffer.concat(chunks), der ? { key, dsaEncoding: mode === 'der' ? 'der' : 'ieee-p1363' } : key);
process.stdout.write(mode === 'raw' || mode === 'der' ? signature : signature.toString('base64url') + '\\n');
`;

async function signerSetup(alg: 'ed25519' | 'es256' = 'ed25519') {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', makeDocument());
  // The key lives with the signer (outside the folder the CLI reads); the CLI has only its public key.
  const keyDir = await tempDir();
  const key = await keygen(keyDir, alg, 'hsm.key.json', 'hsm.jwks.json');
  await writeFile(path.join(dir, 'jwks.json'), await readFile(path.join(keyDir, 'hsm.jwks.json')));
  const script = path.join(keyDir, 'signer.mjs');
  await writeFile(script, SIGNER_SCRIPT);
  const command = `"${process.execPath}" "${script}"`;
  const env = (mode = 'base64url') => ({ SIGNER_KEY: key.file, MODE: mode });
  return { dir, key, command, env };
}

describe('sign --key - and --key env:NAME (issue 13)', () => {
  test('--key - reads the private key from standard input; the signed document verifies', async () => {
    const { dir, key, keyText } = await folder();
    const r = await cli(dir, ['sign', 'doc.json', '--key', '-', '--out', 'signed.json'], { stdin: stdinOf(keyText) });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`signed by +${key.kid}`));
    assert.ok(await verifies(dir, key.kid));
  });

  test('--key env:NAME reads it from an environment variable (a CI secret)', async () => {
    const { dir, key, keyText } = await folder();
    const r = await cli(dir, ['sign', 'doc.json', '--key', 'env:TRUST_ELEMENTS_KEY', '--out', 'signed.json'], {
      env: { TRUST_ELEMENTS_KEY: keyText },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(await verifies(dir, key.kid));
  });

  test('an unset or empty variable, and a public key in it, are named without showing the value', async () => {
    const { dir, key } = await folder();
    const unset = await cli(dir, ['sign', 'doc.json', '--key', 'env:NOPE']);
    assert.equal(unset.code, 1);
    assert.match(unset.stderr, /the environment variable NOPE \(--key env:NOPE\) is not set or empty/);
    const jwks = await readFile(path.join(dir, 'jwks.json'), 'utf8');
    const pub = await cli(dir, ['sign', 'doc.json', '--key', 'env:K'], { env: { K: JSON.stringify((JSON.parse(jwks) as any).keys[0]) } });
    assert.equal(pub.code, 1);
    assert.match(pub.stderr, /the private key in K holds a public key/);
    const bad = await cli(dir, ['sign', 'doc.json', '--key', 'env:K'], { env: { K: `{"d": "${key.d}", oops` } });
    assert.equal(bad.code, 1);
    assert.ok(!bad.stderr.includes(key.d), 'the key is never echoed');
  });

  test('a private key written on the command line is refused, unread and unechoed (exit 2)', async () => {
    const { dir, key, keyText } = await folder();
    for (const literal of [keyText, keyText.replace(/\s+/g, '')]) {
      const r = await cli(dir, ['sign', 'doc.json', '--key', literal, '--out', 'signed.json']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /refusing a private key written on the command line .*--key -.*--key env:NAME/);
      assert.ok(!r.stderr.includes(key.d) && !r.stdout.includes(key.d), 'the key is never echoed');
    }
  });
});

describe('sign --signer "COMMAND" (issue 13)', () => {
  for (const [alg, mode] of [
    ['ed25519', 'base64url'],
    ['ed25519', 'raw'],
    ['es256', 'base64url'],
    ['es256', 'der'],
  ] as const) {
    test(`an external ${alg} signer answering in ${mode}: the document verifies with its key, which the CLI never held`, async () => {
      const { dir, key, command, env } = await signerSetup(alg);
      const r = await cli(dir, ['sign', 'doc.json', '--signer', command, '--kid', key.kid, '--out', 'signed.json'], { env: env(mode) });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(await verifies(dir, key.kid));
      const signed = await readJson(path.join(dir, 'signed.json'));
      assert.deepEqual(
        signed.jwks.keys.map((k: { kid: string }) => k.kid),
        [key.kid],
      );
    });
  }

  test('--public-key FILE names the signer key instead of --kid', async () => {
    const { dir, key, command, env } = await signerSetup();
    const jwks = await readJson(path.join(dir, 'jwks.json'));
    await writeJson(dir, 'signer.pub.json', jwks.keys[0]);
    const r = await cli(dir, ['sign', 'doc.json', '--signer', command, '--public-key', 'signer.pub.json', '--out', 'signed.json'], {
      env: env(),
    });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(await verifies(dir, key.kid));
  });

  test('a failing signer: its exit status and its stderr, escaped; nothing is written', async () => {
    const { dir, key, command, env } = await signerSetup();
    const r = await cli(dir, ['sign', 'doc.json', '--signer', command, '--kid', key.kid, '--out', 'signed.json'], { env: env('fail') });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /the signer command failed \(exit status 3\); it said: HSM locked\\u\{1b\}\[31m red/);
    assert.ok(!r.stderr.includes('\u001b'), 'no raw control character reaches the terminal');
    await assert.rejects(readFile(path.join(dir, 'signed.json')));
  });

  test('a signer that does not answer is stopped after --signer-timeout', async () => {
    const { dir, key, command, env } = await signerSetup();
    const started = Date.now();
    const r = await cli(dir, ['sign', 'doc.json', '--signer', command, '--kid', key.kid, '--signer-timeout', '1'], { env: env('hang') });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /the signer command did not answer within 1 seconds; it was stopped/);
    assert.ok(Date.now() - started < 15_000);
  });

  test('output that is no signature, and a signature by another key, are refused by name', async () => {
    const { dir, key, command, env } = await signerSetup();
    const garbage = await cli(dir, ['sign', 'doc.json', '--signer', command, '--kid', key.kid], { env: env('garbage') });
    assert.equal(garbage.code, 1);
    assert.match(
      garbage.stderr,
      /the signer command's output is not a signature: expected 64 bytes, or them in base64url \(got 15 bytes\)/,
    );
    // The signer signs with a key that is not the one named: caught before anything is written.
    const other = await keygen(await tempDir(), 'ed25519', 'other.key.json');
    const wrong = await cli(dir, ['sign', 'doc.json', '--signer', command, '--kid', key.kid, '--out', 'signed.json'], {
      env: { SIGNER_KEY: other.file, MODE: 'base64url' },
    });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, new RegExp(`the signer command's signature does not verify with key ${key.kid}`));
  });

  test('--signer needs its public key; --kid without --signer is a usage error', async () => {
    const { dir, key, command } = await signerSetup();
    assert.match((await cli(dir, ['sign', 'doc.json', '--signer', command])).stderr, /--signer needs the signer's public key/);
    assert.equal((await cli(dir, ['sign', 'doc.json', '--kid', key.kid])).code, 2);
  });
});

describe('encrypted key files: keys encrypt, sign --passphrase (issue 13)', () => {
  test('keys encrypt seals the key (0600, no private member in clear); sign opens it with --passphrase env:NAME or -', async () => {
    const { dir, key } = await folder();
    const env = { PW: 'correct horse battery staple' };
    const r = await cli(dir, ['keys', 'encrypt', 'key.json', '--passphrase', 'env:PW'], { env });
    assert.equal(r.code, 0, r.stderr);
    const sealedText = await readFile(path.join(dir, 'key.enc.json'), 'utf8');
    assert.ok(!sealedText.includes(key.d) && !/"d"\s*:/.test(sealedText), 'the private key is not in the file in clear');
    const { stat } = await import('node:fs/promises');
    assert.equal((await stat(path.join(dir, 'key.enc.json'))).mode & 0o777, 0o600);
    const signed = await cli(dir, ['sign', 'doc.json', '--key', 'key.enc.json', '--passphrase', 'env:PW', '--out', 'signed.json'], { env });
    assert.equal(signed.code, 0, signed.stderr);
    assert.ok(await verifies(dir, key.kid));
    const fromStdin = await cli(dir, ['sign', 'doc.json', '--key', 'key.enc.json', '--passphrase', '-', '--out', 'signed2.json'], {
      stdin: stdinOf(`${env.PW}\n`),
    });
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.ok(await verifies(dir, key.kid, 'signed2.json'));
  });

  test('a wrong or missing passphrase, and one written on the command line, are refused by name', async () => {
    const { dir } = await folder();
    await cli(dir, ['keys', 'encrypt', 'key.json', '--passphrase', 'env:PW'], { env: { PW: 'right' } });
    const wrong = await cli(dir, ['sign', 'doc.json', '--key', 'key.enc.json', '--passphrase', 'env:PW'], { env: { PW: 'wrong' } });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /key file key\.enc\.json: The passphrase is wrong, or the encrypted key file was changed/);
    const missing = await cli(dir, ['sign', 'doc.json', '--key', 'key.enc.json']);
    assert.match(missing.stderr, /key file key\.enc\.json is encrypted: give its passphrase with --passphrase env:NAME or --passphrase -/);
    const literal = await cli(dir, ['sign', 'doc.json', '--key', 'key.enc.json', '--passphrase', 'right']);
    assert.equal(literal.code, 2);
    assert.match(literal.stderr, /never the passphrase itself on the command line/);
    const twice = await cli(dir, ['sign', 'doc.json', '--key', '-', '--passphrase', '-']);
    assert.equal(twice.code, 2);
    // An encrypted key file is a private key: no command writes over it.
    const over = await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'key.enc.json']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /that file holds a private key/);
  });
});

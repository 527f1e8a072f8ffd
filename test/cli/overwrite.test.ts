/**
 * Issue 11, finding 3: no command writes over one of its own inputs, however the output path
 * is spelled (the same name, a symlink, `dir/../k.json`, a hard link), nor over any file that
 * holds a private key. The key file must come out byte for byte as it went in.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { link, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, keygen, makeDocument, readJson, tempDir, writeJson, type Result } from './helpers.js';

const WK = '.well-known/trust-elements';

async function setup() {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', makeDocument());
  const key = await keygen(dir, 'ed25519', 'k.json');
  await mkdir(path.join(dir, 'sub'));
  const elsewhere = await tempDir();
  await symlink(elsewhere, path.join(dir, 'outside'));
  return { dir, key };
}

/** Runs `argv` and checks that it failed, said why, and left every file in `kept` unchanged. */
async function refused(dir: string, argv: string[], kept: string[], message: RegExp): Promise<Result> {
  const before = await Promise.all(kept.map((f) => readFile(path.join(dir, f))));
  const r = await cli(dir, argv);
  assert.notEqual(r.code, 0, `${argv.join(' ')}: must fail`);
  assert.match(r.stderr, message, argv.join(' '));
  const after = await Promise.all(kept.map((f) => readFile(path.join(dir, f))));
  kept.forEach((f, i) => assert.ok(after[i]!.equals(before[i]!), `${argv.join(' ')}: ${f} is byte-identical`));
  return r;
}

describe('no write over an input or a private key', () => {
  test('sign --out: the key file, by its name, a symlink, dir/../, a hard link', async () => {
    const { dir } = await setup();
    await symlink('k.json', path.join(dir, 'link.json'));
    await link(path.join(dir, 'k.json'), path.join(dir, 'hard.json'));
    const input = /refusing to write the signed document .*: it is the key file k\.json/;
    await refused(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'k.json'], ['k.json'], input);
    await refused(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'link.json'], ['k.json'], input);
    await refused(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'sub/../k.json'], ['k.json'], input);
    await refused(
      dir,
      ['sign', 'doc.json', '--key', 'k.json', '--out', './sub/../../' + path.basename(dir) + '/k.json'],
      ['k.json'],
      input,
    );
    await refused(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'hard.json'], ['k.json'], input);
    await refused(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'outside/../k.json'], ['k.json'], input);
    await refused(dir, ['sign', 'doc.json', '--key', path.join(dir, 'k.json'), '--out', 'link.json'], ['k.json'], input);
    assert.deepEqual((await readJson(path.join(dir, 'k.json'))).kty, 'OKP', 'the key is still a key');
  });

  test('sign --out: the document through a symlink; another private key; a broken private key', async () => {
    const { dir, key } = await setup();
    await symlink('doc.json', path.join(dir, 'doc-link.json'));
    await refused(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'doc-link.json'], ['doc.json'], /it is the document doc\.json/);
    await keygen(dir, 'es256', 'other.json', 'other-jwks.json');
    await refused(
      dir,
      ['sign', 'doc.json', '--key', 'k.json', '--out', 'other.json'],
      ['other.json'],
      /refusing to write the signed document other\.json: that file holds a private key/,
    );
    await writeFile(path.join(dir, 'broken.json'), `{"kty":"OKP","crv":"Ed25519","d":"${key.d}" "x":"AAAA"}`);
    await refused(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'broken.json'], ['broken.json'], /holds a private key/);
    // A public key set, or an older signed document, may be replaced.
    const ok = await cli(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'signed.json']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'signed.json'])).code, 0);
  });

  test('keygen: --key and --jwks the same file through a symlink or dir/../, even with --force', async () => {
    const { dir } = await setup();
    await symlink('jwks.json', path.join(dir, 'jwks-link.json'));
    await refused(
      dir,
      ['keygen', '--key', 'jwks-link.json', '--jwks', 'jwks.json', '--force'],
      ['jwks.json', 'k.json'],
      /refusing to write the key file jwks-link\.json: it is the key set jwks\.json/,
    );
    await refused(dir, ['keygen', '--key', 'new.json', '--jwks', 'sub/../k.json'], ['k.json'], /k\.json is a private key, not a key set/);
    await symlink('k.json', path.join(dir, 'k-link.json'));
    await refused(dir, ['keygen', '--key', 'new.json', '--jwks', 'k-link.json'], ['k.json'], /private key/);
    await link(path.join(dir, 'jwks.json'), path.join(dir, 'jwks-hard.json'));
    await refused(
      dir,
      ['keygen', '--key', 'jwks-hard.json', '--jwks', 'jwks.json', '--force'],
      ['jwks.json'],
      /it is the key set jwks\.json/,
    );
  });

  test('publish: a written file that is an input, or a private key, through a symlink', async () => {
    const { dir } = await setup();
    assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'k.json', '--out', 'signed.json'])).code, 0);
    assert.equal((await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json'])).code, 0);
    // Publishing from the site's own key set (possibly a different one) writes over the input.
    await writeJson(dir, `site/${WK}/jwks.json`, { keys: [(await readJson(path.join(dir, 'jwks.json'))).keys[0]], note: 'mine' });
    await refused(
      dir,
      ['publish', 'site', '--document', 'signed.json', '--jwks', `site/${WK}/../trust-elements/jwks.json`],
      [`site/${WK}/jwks.json`],
      /refusing to write the published key set .*: it is the key set/,
    );
    // A site whose files lead to the private key.
    for (const file of ['_headers', `${WK}/posture.json`, `${WK}/jwks.json`]) {
      const site = `site-${file.length}`;
      await mkdir(path.join(dir, site, WK), { recursive: true });
      await symlink(path.join(dir, 'k.json'), path.join(dir, site, file));
      await refused(dir, ['publish', site, '--document', 'signed.json', '--jwks', 'jwks.json'], ['k.json'], /holds a private key/);
    }
  });
});

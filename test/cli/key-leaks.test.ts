/**
 * Issue 11, finding 7: a hand-edited (broken JSON) private key file given in the wrong place
 * must not have any part of its private `d` printed. V8's JSON.parse messages quote a snippet
 * of the text; no error path of any command that reads a file (or a URL) may pass it on.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, keygen, makeDocument, readJson, tempDir, writeJson, type Result } from './helpers.js';

const ORIGIN = 'https://vendor.example';

/** Every 6-character piece of `secret` that appears in `text`. */
function leaked(text: string, secret: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 6 <= secret.length; i++) if (text.includes(secret.slice(i, i + 6))) found.push(secret.slice(i, i + 6));
  return found;
}

/** Hand edits that break a key file, each of which makes V8 quote the text around `d`. */
const BREAKS: [string, (key: Record<string, string>) => string][] = [
  ['d unquoted', (k) => `{"kty":"${k.kty}","crv":"${k.crv}","d":${k.d},"x":"${k.x}"}`],
  ['d first, unquoted, pretty', (k) => `{\n  "d": ${k.d},\n  "kty": "${k.kty}"\n}\n`],
  ['text after the object', (k) => `${JSON.stringify(k)}\n${k.d}`],
  ['single quotes', (k) => `{'d': '${k.d}', 'kty': '${k.kty}'}`],
];

async function setup() {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', makeDocument());
  const key = await keygen(dir, 'ed25519', 'key.json');
  assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'signed.json'])).code, 0);
  return { dir, key, jwk: (await readJson(key.file)) as Record<string, string> };
}

describe('a broken private key file never shows its private part', () => {
  test('every command that reads a file or a URL, with the broken key in each place', async () => {
    const { dir, jwk } = await setup();
    const signed = await readFile(path.join(dir, 'signed.json'), 'utf8');
    const jwks = await readFile(path.join(dir, 'jwks.json'), 'utf8');
    for (const [how, breakKey] of BREAKS) {
      const broken = breakKey(jwk);
      assert.throws(() => JSON.parse(broken), `${how}: the fixture is broken JSON`);
      await writeFile(path.join(dir, 'broken.json'), broken);
      // A site whose well-known files are the broken key (a copy-paste gone wrong).
      const site = (document: string, keys: string) => async (url: string) => {
        const body = url.endsWith('/posture.json') ? document : url.endsWith('/jwks.json') ? keys : undefined;
        return body === undefined
          ? new Response('no', { status: 404 })
          : new Response(body, { headers: { 'content-type': 'application/json' } });
      };
      const runs: [string, string[], Parameters<typeof cli>[2]?][] = [
        ['validate', ['validate', 'broken.json']],
        ['inspect', ['inspect', 'broken.json']],
        ['inspect --json', ['inspect', 'broken.json', '--json']],
        ['inspect a URL', ['inspect', `${ORIGIN}/.well-known/trust-elements/posture.json`], { fetch: site(broken, jwks) }],
        ['verify the key as document', ['verify', 'broken.json', '--jwks', 'jwks.json']],
        ['verify --json the key as document', ['verify', 'broken.json', '--jwks', 'jwks.json', '--json']],
        ['verify the key as --jwks', ['verify', 'signed.json', '--jwks', 'broken.json']],
        [
          'verify a URL (discovery) serving the key',
          ['verify', `${ORIGIN}/.well-known/trust-elements/posture.json`],
          { fetch: site(broken, jwks) },
        ],
        [
          'verify --json a URL serving the key',
          ['verify', `${ORIGIN}/.well-known/trust-elements/posture.json`, '--json'],
          { fetch: site(broken, jwks) },
        ],
        [
          'verify a URL whose key set is the key',
          ['verify', `${ORIGIN}/.well-known/trust-elements/posture.json`],
          { fetch: site(signed, broken) },
        ],
        [
          'verify a file with a key set URL that is the key',
          ['verify', 'signed.json', '--jwks', `${ORIGIN}/.well-known/trust-elements/jwks.json`],
          { fetch: site(signed, broken) },
        ],
        ['publish the key as --document', ['publish', 'site', '--document', 'broken.json', '--jwks', 'jwks.json']],
        ['publish the key as --jwks', ['publish', 'site', '--document', 'signed.json', '--jwks', 'broken.json']],
        ['sign the key as document', ['sign', 'broken.json', '--key', 'key.json']],
        ['sign with the broken key', ['sign', 'doc.json', '--key', 'broken.json']],
        ['keygen into the key as --jwks', ['keygen', '--key', 'new.key.json', '--jwks', 'broken.json']],
      ];
      for (const [what, argv, io] of runs) {
        const r: Result = await cli(dir, argv, io);
        assert.notEqual(r.code, 0, `${how}, ${what}: refused`);
        assert.deepEqual(leaked(r.stdout + r.stderr, jwk.d!), [], `${how}, ${what}: ${r.stdout}${r.stderr}`);
      }
    }
  });

  test('a JSON error still says where: line and column, and what is wrong', async () => {
    const { dir, jwk } = await setup();
    // `d` unquoted (prefixed with a letter: a random d may start with a digit, which would parse as a number).
    await writeFile(path.join(dir, 'broken.json'), `{\n  "d": Z${jwk.d},\n  "kty": "${jwk.kty}"\n}\n`);
    const r = await cli(dir, ['verify', 'broken.json', '--jwks', 'jwks.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ not-json: The document is not valid JSON \(line 2, column 8\): expected a value/);
    const v = await cli(dir, ['validate', 'broken.json']);
    assert.match(v.stderr, /broken\.json is not valid JSON \(line 2, column 8\): expected a value/);
    // Nesting too deep for a position is still a plain refusal, not a crash.
    await writeFile(path.join(dir, 'deep.json'), '['.repeat(200_000));
    const deep = await cli(dir, ['verify', 'deep.json', '--jwks', 'jwks.json']);
    assert.equal(deep.code, 1);
    assert.match(deep.stdout, /^✗ not-json: The document is not valid JSON\.\n$/);
    assert.match((await cli(dir, ['validate', 'deep.json'])).stderr, /^trust-elements: deep\.json is not valid JSON\n$/);
  });
});

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { cli, keygen, makeDocument, spawnCli, tempDir, writeJson } from './helpers.js';

/** A static server for a published site directory (JSON served as application/json). */
function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': file.endsWith('.json') ? 'application/json' : 'text/plain',
        'access-control-allow-origin': '*',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

describe('verify a URL with discovery (local http server)', () => {
  let dir: string;
  let origin: string;
  let server: Server;
  let kid: string;

  before(async () => {
    dir = await tempDir();
    const site = path.join(dir, 'site');
    await mkdir(site);
    ({ server, origin } = await serve(site));
    kid = (await keygen(dir, 'ed25519', 'key.json')).kid;
    await writeJson(dir, 'doc.json', makeDocument());
    // The right issuer: the origin it is served from.
    assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--issuer', origin, '--out', 'good.json'])).code, 0);
    assert.equal((await cli(dir, ['publish', 'site', '--document', 'good.json', '--jwks', 'jwks.json'])).code, 0);
    // Another origin's document, signed with the same key, served here too.
    assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'elsewhere.json'])).code, 0);
    await writeFile(path.join(site, 'elsewhere.json'), await readFile(path.join(dir, 'elsewhere.json')));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('the issuer is the origin: ✓ verified, keys discovered at the well-known path', async () => {
    const r = await cli(dir, ['verify', `${origin}/.well-known/trust-elements/posture.json`]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^✓ verified/);
    assert.ok(r.stdout.includes(`issuer        ${origin}`));
    assert.ok(r.stdout.includes(`${origin}/.well-known/trust-elements/jwks.json (discovered)`));
    assert.ok(r.stdout.includes(`${kid} (EdDSA)`));
  });

  test('the issuer is another origin: ✗ issuer-mismatch, exit 1', async () => {
    const r = await cli(dir, ['verify', `${origin}/elsewhere.json`]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ issuer-mismatch: The document says it is issued by https:\/\/vendor\.example/);
  });

  test('--jwks as a URL, for a local file and for a URL', async () => {
    const local = await cli(dir, ['verify', 'good.json', '--jwks', `${origin}/.well-known/trust-elements/jwks.json`]);
    assert.equal(local.code, 0, local.stdout);
    const remote = await cli(dir, ['verify', `${origin}/elsewhere.json`, '--jwks', 'jwks.json', '--issuer', 'https://vendor.example']);
    assert.equal(remote.code, 0, remote.stdout);
  });

  test('expired, via discovery: exit 1, with what was verified', async () => {
    const r = await cli(dir, ['verify', `${origin}/.well-known/trust-elements/posture.json`, '--now', '2099-01-01']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ expired: /);
    assert.ok(r.stdout.includes(`${origin}/.well-known/trust-elements/jwks.json (discovered)`));
  });

  test('--issuer is also enforced in discovery mode', async () => {
    const r = await cli(dir, ['verify', `${origin}/.well-known/trust-elements/posture.json`, '--issuer', 'https://other.example']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ issuer-mismatch: /);
  });

  test('a 404 and an unreachable server: ✗ with the code', async () => {
    const missing = await cli(dir, ['verify', `${origin}/nope.json`]);
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /^✗ http-status: The server answered 404/);
    const closed = await cli(dir, ['verify', 'http://127.0.0.1:9/posture.json']);
    assert.equal(closed.code, 1);
    assert.match(closed.stdout, /^✗ fetch-failed: /);
  });

  test('inspect reads a URL too', async () => {
    const r = await cli(dir, ['inspect', `${origin}/.well-known/trust-elements/posture.json`]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /not verified/);
    assert.ok(r.stdout.includes(`issuer          ${origin}`) || r.stdout.includes(origin));
  });

  test('the real executable verifies the URL and exits', async () => {
    const r = await spawnCli(dir, ['verify', `${origin}/.well-known/trust-elements/posture.json`]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^✓ verified/);
    const bad = await spawnCli(dir, ['verify', `${origin}/elsewhere.json`]);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /issuer-mismatch/);
  });
});

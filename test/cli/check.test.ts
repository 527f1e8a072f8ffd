/**
 * `trust-elements check`: fails a scheduled job when the published document expires soon, when it
 * is served with headers that make the elements fail on other sites (a loopback server without
 * CORS: `verify URL` still says "verified" there), or when the published key set lacks its key.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cli, keygen, makeDocument, tempDir, writeJson } from './helpers.js';

const WK = '/.well-known/trust-elements';
const DAY = 86_400_000;

interface Hosting {
  cors: boolean;
  type: string;
  nosniff: boolean;
}
const GOOD: Hosting = { cors: true, type: 'application/json', nosniff: true };

/** A loopback site serving `root` with the given headers (set before the document is signed, for its issuer). */
async function site(root: string, hosting: Hosting) {
  const server = createServer(async (req, res) => {
    try {
      const body = await readFile(path.join(root, new URL(req.url ?? '/', 'http://x').pathname));
      const headers: Record<string, string> = { 'content-type': hosting.type };
      if (hosting.cors) headers['access-control-allow-origin'] = '*';
      if (hosting.nosniff) headers['x-content-type-options'] = 'nosniff';
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, url: `${origin}${WK}/posture.json`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** A document signed for the site's origin, valid for `days`, published into the site folder. */
async function publishedSite(hosting: Hosting, days = 90) {
  const dir = await tempDir();
  const s = await site(path.join(dir, 'public'), hosting);
  await writeJson(
    dir,
    'doc.json',
    makeDocument({
      issuer: s.origin,
      issued: new Date(Date.now() - DAY).toISOString(),
      expires: new Date(Date.now() + days * DAY).toISOString(),
    }),
  );
  await keygen(dir, 'ed25519', 'key.json');
  assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'signed.json'])).code, 0);
  const p = await cli(dir, ['publish', 'public', '--document', 'signed.json', '--jwks', 'jwks.json']);
  assert.equal(p.code, 0, p.stderr);
  return { dir, ...s };
}

describe('check', () => {
  test('a well-served, fresh document with its key published passes every check', async () => {
    const s = await publishedSite(GOOD);
    try {
      const r = await cli(s.dir, ['check', s.url]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /^✓ headers +document .*: Access-Control-Allow-Origin: \*$/m);
      assert.match(r.stdout, /^✓ keys +the key set holds the signing key\(s\) /m);
      assert.match(r.stdout, /^✓ expiry +\S+ \(expires in \d+ days\)$/m);
      assert.match(r.stdout, /^all checks passed$/m);
    } finally {
      await s.close();
    }
  });

  test('served without CORS (a plain static server): verify says verified, check exits 1 and names the header', async () => {
    const s = await publishedSite({ ...GOOD, cors: false });
    try {
      assert.equal((await cli(s.dir, ['verify', s.url])).code, 0, 'no browser: verify cannot tell');
      const r = await cli(s.dir, ['check', s.url]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^✗ headers +document .*posture\.json: Access-Control-Allow-Origin is missing: send "\*"/m);
      assert.match(r.stdout, /^✗ headers +key set .*jwks\.json: Access-Control-Allow-Origin is missing/m);
      assert.match(r.stdout, /^2 problems to fix$/m);
    } finally {
      await s.close();
    }
  });

  test('a wrong Content-Type and no nosniff are each named', async () => {
    const s = await publishedSite({ cors: true, type: 'text/plain', nosniff: false });
    try {
      const r = await cli(s.dir, ['check', s.url]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^✗ headers +document .*: Content-Type is "text\/plain": send application\/json/m);
      assert.match(r.stdout, /^✗ headers +document .*: X-Content-Type-Options is not nosniff/m);
    } finally {
      await s.close();
    }
  });

  test('--expires-within: a document expiring within it fails; a shorter window passes', async () => {
    const s = await publishedSite(GOOD, 20);
    try {
      const soon = await cli(s.dir, ['check', s.url, '--expires-within', '30d']);
      assert.equal(soon.code, 1);
      assert.match(soon.stdout, /^✗ expiry +\S+ \(expires in (19|20) days\), within 30d: sign and publish a new version$/m);
      const later = await cli(s.dir, ['check', s.url, '--expires-within', '7d']);
      assert.equal(later.code, 0, later.stdout);
      assert.equal((await cli(s.dir, ['check', s.url])).code, 1, 'default window: 30 days');
    } finally {
      await s.close();
    }
  });

  test('the published key set lacks the signing key: exits 1 and names the key id', async () => {
    const s = await publishedSite(GOOD);
    try {
      const key = JSON.parse(await readFile(path.join(s.dir, 'key.json'), 'utf8'));
      await keygen(s.dir, 'ed25519', 'other.json', 'other-jwks.json');
      const other = await readFile(path.join(s.dir, 'other-jwks.json'), 'utf8');
      await writeJson(path.join(s.dir, 'public', '.well-known', 'trust-elements'), 'jwks.json', JSON.parse(other));
      const r = await cli(s.dir, ['check', s.url]);
      assert.equal(r.code, 1);
      assert.match(
        r.stdout,
        new RegExp(`^✗ keys +the key set .*jwks\\.json lacks the signing key\\(s\\) ${key.kid}: publish it with them$`, 'm'),
      );
    } finally {
      await s.close();
    }
  });

  test('a local file with --jwks: expiry and keys are checked, no headers', async () => {
    const s = await publishedSite(GOOD, 10);
    await s.close();
    const r = await cli(s.dir, ['check', 'signed.json', '--jwks', 'jwks.json']);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, /headers/);
    assert.match(r.stdout, /^✓ keys /m);
    assert.match(r.stdout, /^✗ expiry /m);
  });

  test('a wrong --expires-within is a usage error', async () => {
    const r = await cli(await tempDir(), ['check', 'x.json', '--expires-within', 'soon']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--expires-within 'soon' is not a duration such as 30d/);
  });
});

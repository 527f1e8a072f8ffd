/** publish writes /.well-known/security.txt as RFC 9116 asks, from the document it publishes. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, keygen, makeDocument, tempDir, writeJson } from './helpers.js';

const FILE = '.well-known/security.txt';

/** RFC 9116's fields and their rules: how many times each may appear (§2.5). */
const FIELDS: Record<string, { min: number; max: number }> = {
  Acknowledgments: { min: 0, max: Infinity },
  Canonical: { min: 0, max: Infinity },
  Contact: { min: 1, max: Infinity },
  Encryption: { min: 0, max: Infinity },
  Expires: { min: 1, max: 1 },
  Hiring: { min: 0, max: Infinity },
  Policy: { min: 0, max: Infinity },
  'Preferred-Languages': { min: 0, max: 1 },
};
/** RFC 3339 date-time (§5.6), as RFC 9116 §2.5.5 requires for Expires. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses a security.txt by RFC 9116's grammar (§4): every line a comment, blank, or `Field: value`; returns the fields. */
function parseSecurityTxt(text: string): Map<string, string[]> {
  assert.ok(text.endsWith('\n'), 'every line ends with a line break');
  const fields = new Map<string, string[]>();
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z0-9!#$%&'*+\-.^_`|~]+):[ \t]*(\S(?:.*\S)?)[ \t]*$/.exec(line);
    assert.ok(m, `a field line: ${JSON.stringify(line)}`);
    const name = Object.keys(FIELDS).find((f) => f.toLowerCase() === m[1]!.toLowerCase());
    assert.ok(name, `a field RFC 9116 defines: ${m[1]}`);
    fields.set(name, [...(fields.get(name) ?? []), m[2]!]);
  }
  for (const [name, { min, max }] of Object.entries(FIELDS)) {
    const n = fields.get(name)?.length ?? 0;
    assert.ok(n >= min && n <= max, `${name} appears ${n} times`);
  }
  return fields;
}

async function publish(doc: Record<string, unknown>, prepare?: (site: string) => Promise<void>) {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', doc);
  await keygen(dir, 'ed25519', 'key.json');
  assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'signed.json'])).code, 0);
  const site = path.join(dir, 'site');
  await prepare?.(site);
  const r = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json']);
  assert.equal(r.code, 0, r.stderr);
  return { site, r };
}

const full = () =>
  makeDocument({
    language: 'en',
    contacts: [
      { role: 'security', email: 'security@vendor.example', url: 'https://vendor.example/report' },
      { role: 'privacy', email: 'privacy@vendor.example' },
    ],
    links: { vulnerabilityDisclosure: 'https://vendor.example/security-policy' },
  });

describe('publish: security.txt (RFC 9116)', () => {
  test('the required fields in the required format, from the document', async () => {
    const doc = full();
    const { site, r } = await publish(doc);
    const text = await readFile(path.join(site, FILE), 'utf8');
    const fields = parseSecurityTxt(text);
    assert.deepEqual(fields.get('Contact'), ['mailto:security@vendor.example', 'https://vendor.example/report']);
    const [expires] = fields.get('Expires')!;
    assert.match(expires!, RFC3339);
    assert.ok(Date.parse(expires!) <= Date.parse(doc.expires as string), 'no later than the document');
    assert.ok(Date.parse(expires!) > Date.now(), 'not already expired');
    assert.ok(Date.parse(expires!) - Date.now() < 366 * 86_400_000, 'less than a year away (§2.5.5)');
    assert.deepEqual(fields.get('Policy'), ['https://vendor.example/security-policy']);
    assert.deepEqual(fields.get('Preferred-Languages'), ['en']);
    assert.deepEqual(fields.get('Canonical'), ['https://vendor.example/.well-known/security.txt']);
    assert.match(r.stdout, /written +site\/\.well-known\/security\.txt/);
    // Served as the RFC asks (§3): text/plain with a UTF-8 charset.
    assert.match(
      await readFile(path.join(site, '_headers'), 'utf8'),
      /^\/\.well-known\/security\.txt\n {2}Content-Type: text\/plain; charset=utf-8$/m,
    );
  });

  test("Expires is the document's own instant, rounded down to the second, never later", async () => {
    const doc = full();
    doc.expires = '2099-01-01T00:00:00.900+02:00';
    doc.issued = '2098-06-01T00:00:00Z';
    // Signed now but issued in the future is refused by publish; check the rendering itself.
    const { securityTxt } = await import('../../src/cli/security-txt.js');
    const text = securityTxt(doc as any)!;
    assert.deepEqual(parseSecurityTxt(text).get('Expires'), ['2098-12-31T22:00:00Z']);
  });

  test('no security contact: no security.txt, and publish says so', async () => {
    const { site, r } = await publish(makeDocument());
    await assert.rejects(readFile(path.join(site, FILE)));
    assert.match(r.stdout, /skipped +site\/\.well-known\/security\.txt \(the document names no security contact\)/);
  });

  test('its own security.txt is replaced on the next release', async () => {
    const { site } = await publish(full());
    const dir = path.dirname(site);
    const next = full();
    next.contacts = [{ role: 'security', email: 'psirt@vendor.example' }];
    next.sequence = (next.sequence as number) + 1; // a next release (publish refuses a rollback)
    await writeJson(dir, 'doc.json', next);
    assert.equal((await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'signed.json'])).code, 0);
    const r = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(parseSecurityTxt(await readFile(path.join(site, FILE), 'utf8')).get('Contact'), ['mailto:psirt@vendor.example']);
  });

  test('a security.txt that publish did not write is kept', async () => {
    const mine = 'Contact: mailto:me@vendor.example\nExpires: 2099-01-01T00:00:00Z\n';
    const { site, r } = await publish(full(), async (s) => {
      await mkdir(path.join(s, '.well-known'), { recursive: true });
      await writeFile(path.join(s, FILE), mine);
    });
    assert.equal(await readFile(path.join(site, FILE), 'utf8'), mine);
    assert.match(r.stdout, /kept +site\/\.well-known\/security\.txt \(not written by publish/);
  });
});

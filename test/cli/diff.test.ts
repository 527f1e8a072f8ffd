/** `trust-elements diff OLD NEW`: what changed, as text and JSON, and sub-processors added with too little notice. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { cli, keygen, makeDocument, tempDir, writeJson } from './helpers.js';
import { serveDir } from './serve.js';

const aws = { name: 'Amazon Web Services', purpose: 'Hosting', locations: [{ name: 'Frankfurt', country: 'DE' }] };
const mailgun = { name: 'Mailgun', purpose: 'E-mail' };
const contacts = [{ role: 'security', email: 'security@vendor.example' }];
const certifications = [{ id: 'soc2', framework: 'SOC 2 Type II', status: 'planned' }];

function before(overrides: Record<string, unknown> = {}) {
  return makeDocument({
    updated: '2027-01-01',
    subprocessors: { disclosure: 'public', noticeDays: 30, entries: [aws, mailgun] },
    contacts,
    certifications,
    ...overrides,
  });
}

/** OLD → NEW: a sub-processor added, one removed, one moved to another country; a control shipped; SOC 2 certified; a new contact e-mail. */
function after(overrides: Record<string, unknown> = {}) {
  const doc = before({
    updated: '2027-02-01',
    sequence: 8,
    subprocessors: {
      disclosure: 'public',
      noticeDays: 30,
      entries: [
        { ...aws, locations: [{ name: 'Dublin', country: 'IE' }] },
        { name: 'Stripe', purpose: 'Payments' },
      ],
    },
    contacts: [{ role: 'security', email: 'psirt@vendor.example' }],
    certifications: [{ ...certifications[0], status: 'certified' }],
    ...overrides,
  });
  (doc.categories as any)[0].controls[0].status = 'shipped';
  return doc;
}

async function pair(old: unknown, next: unknown): Promise<string> {
  const dir = await tempDir();
  await writeJson(dir, 'old.json', old);
  await writeJson(dir, 'new.json', next);
  return dir;
}

describe('diff', () => {
  test('names what changed, as readable text', async () => {
    const dir = await pair(before(), after());
    const r = await cli(dir, ['diff', 'old.json', 'new.json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^old\.json \(sequence 7\) → new\.json \(sequence 8\)$/m);
    assert.doesNotMatch(r.stdout, /signatures not checked/, 'unsigned documents: nothing to check');
    assert.match(
      r.stdout,
      /^Sub-processors\n {2}\+ Stripe — Payments\n {2}- Mailgun — E-mail\n {2}~ Amazon Web Services — Hosting\n {6}locations: Frankfurt \(DE\) → Dublin \(IE\)$/m,
    );
    assert.match(r.stdout, /^Controls\n {2}~ sso Enterprise SSO \(shipped\)\n {6}status: roadmap → shipped$/m);
    assert.match(r.stdout, /^Certifications\n {2}~ SOC 2 Type II \(certified\)\n {6}status: planned → certified$/m);
    assert.match(
      r.stdout,
      /^Contacts\n {2}~ security: psirt@vendor\.example\n {6}email: security@vendor\.example → psirt@vendor\.example$/m,
    );
  });

  test('--json: the same changes as data', async () => {
    const dir = await pair(before(), after());
    const r = await cli(dir, ['diff', 'old.json', 'new.json', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const d = JSON.parse(r.stdout);
    assert.deepEqual(
      d.subprocessors.added.map((s: any) => s.name),
      ['Stripe'],
    );
    assert.deepEqual(
      d.subprocessors.removed.map((s: any) => s.name),
      ['Mailgun'],
    );
    assert.deepEqual(
      d.subprocessors.changed.map((c: any) => [c.new.name, c.fields.map((f: any) => f.field)]),
      [['Amazon Web Services', ['locations']]],
    );
    assert.deepEqual(
      d.controls.changed.map((c: any) => [c.key, c.fields]),
      [['sso', [{ field: 'status', old: 'roadmap', new: 'shipped' }]]],
    );
    assert.deepEqual(d.certifications.changed[0].fields, [{ field: 'status', old: 'planned', new: 'certified' }]);
    assert.equal(d.contacts.changed[0].fields[0].new, 'psirt@vendor.example');
    assert.equal(d.signaturesChecked, false);
    assert.deepEqual([d.old.sequence, d.new.sequence], [7, 8]);
  });

  test('a sub-processor matched by name despite case and spacing is not an addition', async () => {
    const dir = await pair(
      before(),
      before({ subprocessors: { disclosure: 'public', entries: [{ ...aws, name: 'amazon  web services' }, mailgun] } }),
    );
    const d = JSON.parse((await cli(dir, ['diff', 'old.json', 'new.json', '--json'])).stdout);
    assert.deepEqual([d.subprocessors.added.length, d.subprocessors.removed.length, d.subprocessors.changed.length], [0, 0, 1]);
  });

  test('flags a sub-processor in use with less notice than noticeDays promises', async () => {
    const dir = await pair(before(), after());
    const r = await cli(dir, ['diff', 'old.json', 'new.json']);
    assert.match(
      r.stdout,
      /^! Stripe: 0 days of notice \(in use without being announced as planned\); the document promises 30 \(subprocessors\.noticeDays\)$/m,
    );
    assert.equal(JSON.parse((await cli(dir, ['diff', 'old.json', 'new.json', '--json'])).stdout).notice[0].name, 'Stripe');
  });

  test('announced as planned early enough: no flag; a planned one with a short notice: flagged', async () => {
    const planned = { name: 'Stripe', purpose: 'Payments', announced: '2027-01-01', effective: '2027-02-01' };
    const old = before({ subprocessors: { disclosure: 'public', noticeDays: 30, entries: [aws, mailgun], planned: [planned] } });
    const rushed = { name: 'Twilio', purpose: 'SMS', announced: '2027-02-01', effective: '2027-02-08' };
    const next = after({
      subprocessors: {
        disclosure: 'public',
        noticeDays: 30,
        entries: [aws, mailgun, { name: 'Stripe', purpose: 'Payments' }],
        planned: [rushed],
      },
    });
    const dir = await pair(old, next);
    const r = await cli(dir, ['diff', 'old.json', 'new.json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Sub-processors\n {2}\+ Stripe — Payments$/m);
    assert.doesNotMatch(r.stdout, /^! Stripe/m, '31 days of notice were given');
    assert.doesNotMatch(r.stdout, /- Stripe/, 'planned, then in use: not also withdrawn');
    assert.match(r.stdout, /^! Twilio: 7 days of notice \(announced 2027-02-01, effective 2027-02-08\); the document promises 30/m);
  });

  test('no notice promised (no noticeDays): nothing flagged', async () => {
    const next = after();
    delete (next.subprocessors as any).noticeDays;
    const dir = await pair(before(), next);
    assert.doesNotMatch((await cli(dir, ['diff', 'old.json', 'new.json'])).stdout, /days of notice/);
  });

  test('signed documents, from URLs: their payloads, "(signatures not checked)"', async () => {
    const dir = await tempDir();
    const { file } = await keygen(dir, 'ed25519', 'k.json');
    await writeJson(dir, 'old.json', before());
    await writeJson(dir, 'new.json', after());
    const site = path.join(dir, 'site');
    await mkdir(site);
    for (const name of ['old', 'new']) {
      const r = await cli(dir, ['sign', `${name}.json`, '--key', file, '--out', `site/${name}.signed.json`]);
      assert.equal(r.code, 0, r.stderr);
    }
    const server = await serveDir(site);
    try {
      const r = await cli(dir, ['diff', `${server.origin}/old.signed.json`, `${server.origin}/new.signed.json`], {
        fetch: globalThis.fetch,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /\(signatures not checked\)$/m);
      assert.match(r.stdout, /\+ Stripe — Payments/);
    } finally {
      await server.close();
    }
  });

  test('text from the documents is escaped on the terminal', async () => {
    const dir = await pair(
      before(),
      before({ subprocessors: { disclosure: 'public', entries: [aws, mailgun, { name: 'Evil\u001b[2J\u202eCo', purpose: 'x' }] } }),
    );
    const r = await cli(dir, ['diff', 'old.json', 'new.json']);
    assert.doesNotMatch(r.stdout, /[\u001b\u202e]/);
    assert.match(r.stdout, /\+ Evil\\u\{1b\}\[2J\\u\{202e\}Co/);
    const json = await cli(dir, ['diff', 'old.json', 'new.json', '--json']);
    assert.doesNotMatch(json.stdout, /[\u001b\u202e]/);
    assert.equal(JSON.parse(json.stdout).subprocessors.added[0].name, 'Evil\u001b[2J\u202eCo');
  });

  test('no changes: says so; a missing file: exit 1', async () => {
    const dir = await pair(before(), before());
    assert.match(
      (await cli(dir, ['diff', 'old.json', 'new.json'])).stdout,
      /^no changes to sub-processors, controls, certifications or contacts$/m,
    );
    const r = await cli(dir, ['diff', 'old.json', 'nope.json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot read document nope\.json: no such file/);
  });
});

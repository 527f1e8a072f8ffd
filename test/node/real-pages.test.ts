/**
 * Three real public pages, written as format 1.1 documents (demo/documents/): a sub-processor list,
 * a security page and a GDPR privacy policy, each of a different company. Each fact of the page
 * must be valid and sit in its structured place (a column, a group, a badge), not in free text.
 * The pages' own addresses are kept in each document's `x-source` extension.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePosture } from '../../src/core/validate.js';
import type { PostureDocument } from '../../src/core/schema.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (name: string) => JSON.parse(readFileSync(join(root, 'demo/documents', `${name}.json`), 'utf8')) as PostureDocument;
const entry = (doc: PostureDocument, id: string) => doc.subprocessors!.entries!.find((e) => e.id === id)!;
const control = (doc: PostureDocument, id: string) => doc.categories!.flatMap((c) => c.controls).find((c) => c.id === id)!;
const certification = (doc: PostureDocument, id: string) => doc.certifications!.find((c) => c.id === id)!;

describe('a sub-processor list: cucinovo.com/legal/subprocessors', () => {
  const doc = read('cucinovo-subprocessors');

  test('validates as format 1.1 and names its source', () => {
    assert.deepEqual(validatePosture(doc).issues, []);
    assert.equal(doc.version, '1.1');
    assert.equal((doc as Record<string, any>)['x-source'].url, 'https://cucinovo.com/legal/subprocessors');
  });

  test('nine rows, each with a stable id, a purpose and a transfer mechanism', () => {
    const rows = doc.subprocessors!.entries!;
    assert.deepEqual(
      rows.map((r) => r.id),
      ['mongodb-atlas', 'fly-io', 'hetzner', 'cloudflare-r2', 'stripe', 'resend', 'sentry', 'posthog', 'google-gmail-oauth'],
    );
    assert.ok(rows.every((r) => r.purpose && r.safeguard));
    assert.equal(entry(doc, 'hetzner').safeguard, 'EU (no transfer)');
  });

  test('where data is processed apart from where the company is', () => {
    assert.deepEqual(entry(doc, 'hetzner').locations, [{ name: 'Helsinki, Finland', country: 'FI' }]);
    assert.equal(entry(doc, 'hetzner').corporateLocation?.country, 'DE');
    assert.equal(entry(doc, 'fly-io').locations![0]!.country, 'DE');
    assert.equal(entry(doc, 'fly-io').corporateLocation?.country, 'US');
  });

  test('consent-only and opt-in integrations are optional entries with their condition', () => {
    const optional = doc.subprocessors!.entries!.filter((e) => e.optional);
    assert.deepEqual(
      optional.map((e) => [e.id, e.condition]),
      [
        ['posthog', 'Only with consent'],
        ['google-gmail-oauth', 'Only if you connect Gmail'],
      ],
    );
  });

  test('notice policy: at least 30 days before an addition; updated 13 May 2026; the change log', () => {
    assert.deepEqual(doc.subprocessors!.notice, { days: 30, changes: ['additions'] });
    assert.equal(doc.updated, '2026-05-13');
    assert.equal(doc.changelog![0]!.date, '2026-05-13');
  });
});

describe('a security page: invoicepass.app/security', () => {
  const doc = read('invoicepass-security');

  test('validates as format 1.1; the page gives no date, and says so', () => {
    assert.deepEqual(validatePosture(doc).issues, []);
    assert.equal(doc.updated, 'undated');
  });

  test('availability by plan: the audit log export is on the Operation tier', () => {
    assert.equal(control(doc, 'audit-log-export').availability, 'Operation tier');
  });

  test('recurring activities: quarterly penetration test (last February 2026), quarterly restore drill (last 18 March 2026)', () => {
    assert.deepEqual(control(doc, 'pentest').recurring, { cadence: 'quarterly', provider: 'Third party', lastPerformed: '2026-02' });
    assert.deepEqual(control(doc, 'restore-drills').recurring, { cadence: 'quarterly', lastPerformed: '2026-03-18' });
  });

  test('compliance table: a SOC 2 Type II attestation in progress, ISO 27001 certification planned, GDPR + PIPEDA alignment', () => {
    assert.deepEqual(
      doc.certifications!.map((c) => [c.framework, c.kind, c.reportType, c.status]),
      [
        ['SOC 2', 'attestation', 'Type II', 'in-progress'],
        ['ISO/IEC 27001', 'certification', undefined, 'planned'],
        ['GDPR + PIPEDA', 'alignment', undefined, 'aligned'],
      ],
    );
    assert.equal(certification(doc, 'soc2').report?.access, 'nda');
  });

  test('the page order: controls, compliance, then the statements; the 72-hour promise emphasized', () => {
    assert.deepEqual(doc.order, ['categories', 'certifications', 'statement:honesty', 'statement:incident-response']);
    const text = doc.statements!.find((s) => s.id === 'incident-response')!.body[0]!;
    assert.ok(text.type === 'paragraph' && Array.isArray(text.text));
    assert.deepEqual(text.text[1], { text: 'within 72 hours', em: true });
  });
});

describe('a GDPR privacy policy: Matomo Cloud (InnoCraft)', () => {
  const doc = read('matomo-cloud-privacy');

  test('validates as format 1.1; effective 13 August 2024', () => {
    assert.deepEqual(validatePosture(doc).issues, []);
    assert.equal(doc.updated, '2024-08-13');
  });

  test('the controller: identity, registration, address, country and contact', () => {
    assert.deepEqual(doc.privacy!.controller, {
      name: 'InnoCraft',
      legalName: 'InnoCraft Limited (NZBN 6106769)',
      address: '7 Waterloo Quay PO625, 6140 Wellington, New Zealand',
      country: 'NZ',
      email: 'privacy@innocraft.com',
    });
  });

  test('its role per data category: controller of Account Data, processor of Customer Personal Data', () => {
    assert.deepEqual(
      doc.privacy!.roles!.map((r) => [r.data, r.role]),
      [
        ['Account Data', 'controller'],
        ['Customer Personal Data', 'processor'],
      ],
    );
  });

  test('legal bases: contract for infrastructure, legitimate interests for the CDN', () => {
    assert.deepEqual(
      doc.privacy!.legalBases!.map((b) => b.basis),
      ['contract', 'legitimate-interests'],
    );
  });

  test('sub-processors: legal entity beside the brand, seat apart from processing, the CDN optional', () => {
    const aws = entry(doc, 'aws-infrastructure');
    assert.equal(aws.legalName, 'Amazon Web Services EMEA SARL');
    assert.equal(aws.corporateLocation?.country, 'LU');
    assert.deepEqual(
      aws.locations!.map((l) => l.country),
      ['DE', 'IE'],
    );
    assert.equal(entry(doc, 'aws-cdn').optional, true);
    assert.match(String(doc.subprocessors!.scope), /Matomo Cloud DPA/);
  });

  test('the introduction links the website policy with an https: link run, never markup', () => {
    const intro = doc.introduction![0]!;
    assert.ok(intro.type === 'paragraph' && Array.isArray(intro.text));
    assert.deepEqual(intro.text[1], { text: 'their own privacy policy', href: 'https://matomo.org/privacy-policy/' });
  });
});

describe('a grouped sub-processor list: velluto.io/legal/subprocessors', () => {
  const doc = read('velluto-subprocessors');

  test('validates as format 1.1', () => assert.deepEqual(validatePosture(doc).issues, []));

  test('two groups, each entry in its group; legal entities beside the brand names', () => {
    assert.deepEqual(
      doc.subprocessors!.groups!.map((g) => g.title),
      ['Infrastructure', 'Payments'],
    );
    const byGroup = (id: string) => doc.subprocessors!.entries!.filter((e) => e.group === id).map((e) => e.id);
    assert.deepEqual(byGroup('infrastructure'), ['vast-ai', 'cloudflare', 'hetzner', 'github']);
    assert.deepEqual(byGroup('payments'), ['lava-top', 'cryptocloud']);
    assert.equal(entry(doc, 'cryptocloud').legalName, 'CryptoCloud (Trybit) Ltd.');
  });

  test('Hetzner is conditional; notice 30 days before additions and replacements, with a subscription page', () => {
    assert.equal(entry(doc, 'hetzner').condition, 'If used for storage / control plane');
    assert.deepEqual(doc.subprocessors!.notice, {
      days: 30,
      changes: ['additions', 'changes'],
      subscribe: 'https://velluto.io/subprocessors-subscribe',
    });
  });
});

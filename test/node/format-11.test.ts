/**
 * Format 1.1 and compatibility (README "Format 1.1 and compatibility"): what a reader accepts of
 * each version, `x-` extensions, the new fields' own rules, and the bounds that keep the
 * validator a safe trust boundary against crafted documents.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePosture } from '../../src/core/validate.js';
import { makeDocument } from '../fixtures/posture.js';

const v11 = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({ ...makeDocument(), version: '1.1', ...overrides });
const issues = (doc: unknown): string[] => validatePosture(doc).issues.map((i) => `${i.path} ${i.message}`);
const subprocessors = (entries: unknown[], more: Record<string, unknown> = {}) => ({ disclosure: 'public', entries, ...more });

describe('versions', () => {
  test('a 1.0 document (version 1) stays valid, and so does "1.0" and "1.1"', () => {
    for (const version of [1, '1.0', '1.1']) assert.deepEqual(issues({ ...makeDocument(), version }), [], String(version));
  });

  test('a field of 1.1 in a document that says version 1 is refused, naming the version to write', () => {
    const doc = { ...makeDocument(), privacy: { rights: ['access'] } };
    assert.deepEqual(issues(doc), ['$.privacy is a field of format 1.1: the document must say "version": "1.1"']);
    const runs = { ...makeDocument(), introduction: [{ type: 'paragraph', text: ['Hello ', { text: 'world', em: true }] }] };
    assert.match(
      issues(runs).join(),
      /\$\.introduction\[0\]\.text is written as format 1\.1 allows: the document must say "version": "1\.1"/,
    );
  });

  test('an unknown field is refused in a document of this or an older version', () => {
    for (const version of [1, '1.1'])
      assert.deepEqual(issues({ ...makeDocument(), version, extra: true }), ['$.extra is not a field of this format']);
  });

  test('a newer minor version: unknown fields are ignored, malformed known fields still refused', () => {
    const doc = v11({ version: '1.7', newSection: { anything: [1] }, order: ['newSection', 'categories'] });
    (doc.organization as Record<string, unknown>).newField = 'x';
    assert.deepEqual(issues(doc), []);
    assert.deepEqual(issues({ ...doc, sequence: -1 }), ['$.sequence must not be negative']);
    assert.deepEqual(issues({ ...doc, organization: { name: 'A', url: 'javascript:alert(1)' } }), [
      '$.organization.url must be an https: URL',
    ]);
  });

  test('a newer major version is refused as made for a newer version of trust-elements', () => {
    for (const version of [2, '2.0', '3.4']) {
      const result = validatePosture({ version, whatever: true });
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.newer, true);
      assert.match(issues({ version })[0]!, /^\$\.version is \d\.\d: the document was made for a newer version of trust-elements/);
    }
  });

  test('a version that is no version is refused as a malformed field', () => {
    for (const version of [0, 1.1, '1.01', '1', 'v1.1', null]) {
      const result = validatePosture({ ...makeDocument(), version });
      assert.equal(result.ok, false, String(version));
      assert.equal(!result.ok && result.newer, undefined, String(version));
    }
  });
});

describe('extensions', () => {
  test('x- members are allowed on the document and every entry, in 1.0 and 1.1, kept as they are', () => {
    const doc = makeDocument() as unknown as Record<string, any>;
    doc['x-vendor'] = { deep: [1, { a: null }] };
    doc.categories[0]['x-internal-id'] = 'CAT-1';
    doc.categories[0].controls[0]['x-jira'] = 'SEC-12';
    doc.organization['x-duns'] = 123;
    assert.deepEqual(issues(doc), []);
    assert.equal((validatePosture(doc) as { document: any }).document['x-vendor'].deep[1].a, null);
  });

  test('an extension nested deeper than 16 levels is refused; so is a name that is not x-NAME', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 17; i++) deep = [deep];
    assert.deepEqual(issues({ ...makeDocument(), 'x-deep': deep }), ['$["x-deep"] must be JSON nested at most 16 levels deep']);
    assert.deepEqual(issues({ ...makeDocument(), 'x-': 1 }), ['$["x-"] is not a field of this format']);
    assert.deepEqual(issues({ ...makeDocument(), ['x-' + 'a'.repeat(80)]: 1 }).length, 1);
  });

  test('__proto__, constructor and prototype are refused even where a newer minor version lets unknown fields through', () => {
    const doc = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": 1}`);
    Object.assign(doc, v11({ version: '1.9' }));
    assert.deepEqual(issues(doc), ['$.__proto__ is not a field of this format', '$.constructor is not a field of this format']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('rich text', () => {
  const para = (text: unknown) => v11({ introduction: [{ type: 'paragraph', text }] });

  test('runs: text, emphasis, https and mailto links, bullet lists of lines', () => {
    const text = [
      'See ',
      { text: 'our policy', href: 'https://vendor.example/privacy' },
      { text: ' now', em: true },
      { list: ['one', ['two ', { text: 'mail', href: 'mailto:dpo@vendor.example' }]] },
    ];
    assert.deepEqual(issues(para(text)), []);
  });

  test('a link that is not https: or mailto: is refused, and so are a nested list and markup-looking keys', () => {
    assert.match(issues(para([{ text: 'x', href: 'javascript:alert(1)' }])).join(), /href must be an https: or mailto: URL/);
    assert.match(issues(para([{ text: 'x', href: 'http://vendor.example' }])).join(), /href must be an https: or mailto: URL/);
    assert.notDeepEqual(issues(para([{ list: [[{ list: ['nested'] }]] }])), []);
    assert.notDeepEqual(issues(para([{ html: '<b>x</b>' }])), []);
    assert.notDeepEqual(issues(para([])), []);
  });
});

describe('the new fields', () => {
  test('sub-processor ids are unique across entries and planned; a group must exist', () => {
    const entry = { id: 'aws', name: 'AWS', purpose: 'Hosting', group: 'third' };
    const planned = { id: 'aws', name: 'AWS 2', purpose: 'Hosting', effective: '2026-09-01' };
    const doc = v11({ subprocessors: subprocessors([entry], { groups: [{ id: 'other', title: 'Other' }], planned: [planned] }) });
    assert.deepEqual(issues(doc), [
      '$.subprocessors.entries[0].group names no group in subprocessors.groups: "third"',
      '$.subprocessors.planned[0].id sub-processor id "aws" is already used at $.subprocessors.entries[0].id',
    ]);
  });

  test('evidence names a document or a certification; order names sections once; after needs until', () => {
    const doc = makeDocument() as unknown as Record<string, any>;
    doc.version = '1.1';
    doc.categories[0].controls[0].evidence = ['pentest-report'];
    doc.order = ['categories', 'categories', 'statement:none', 'nonsense'];
    doc.retention = [{ data: 'Logs', period: '30 days after deletion', after: 'P30D' }];
    assert.deepEqual(issues(doc), [
      '$.categories[0].controls[0].evidence[0] names no document or certification: "pentest-report"',
      '$.retention[0].after needs until: the event it follows',
      '$.order[1] names "categories" twice',
      '$.order[2] names no section of this document: "statement:none"',
      '$.order[3] names no section of this document: "nonsense"',
    ]);
    doc.documents = [{ id: 'pentest-report', title: 'Pen test summary', access: 'nda' }];
    doc.order = ['categories'];
    doc.retention[0].until = 'deletion-request';
    assert.deepEqual(issues(doc), []);
  });

  test('updated may be a month or "undated" in 1.1, and not a made-up month', () => {
    assert.deepEqual(issues(v11({ updated: '2026-08' })), []);
    assert.deepEqual(issues(v11({ updated: 'undated' })), []);
    assert.notDeepEqual(issues(v11({ updated: '2026-13' })), []);
  });
});

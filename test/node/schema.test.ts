/**
 * The published JSON Schema is generated from the same definitions as the runtime validator:
 * the committed file is current, and an independent JSON Schema validator (ajv) agrees with
 * `validatePosture` on the demo documents and on broken ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { buildSchema, SCHEMA_PATH } from '../../scripts/build-schema.js';
import { validatePosture } from '../../src/core/validate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const demoDocs = path.join(root, 'demo', 'documents');

const schemaText = await readFile(SCHEMA_PATH, 'utf8');
const ajv = new Ajv({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its default import is the plugin function.
(formats as unknown as (a: Ajv) => void)(ajv);
const ajvValidate = ajv.compile(JSON.parse(schemaText));

test('the committed JSON Schema is generated from src/core/schema.ts (run npm run schema when this fails)', () => {
  assert.equal(schemaText, buildSchema());
});

test('every demo document is valid for both the JSON Schema and the runtime validator', async () => {
  const names = (await readdir(demoDocs)).filter((n) => n.endsWith('.json'));
  assert.ok(names.length >= 2);
  for (const name of names) {
    const doc = JSON.parse(await readFile(path.join(demoDocs, name), 'utf8'));
    assert.deepEqual(validatePosture(doc).issues, [], name);
    assert.equal(ajvValidate(doc), true, `${name}: ${JSON.stringify(ajvValidate.errors)}`);
  }
});

test('both validators refuse broken documents, and name the same place', async () => {
  const base = JSON.parse(await readFile(path.join(demoDocs, 'personalityai.json'), 'utf8'));
  const cases: [string, (d: any) => void, string][] = [
    ['unknown status', (d) => (d.categories[0].controls[0].status = 'done'), '/categories/0/controls/0/status'],
    ['javascript: url', (d) => (d.organization.url = 'javascript:alert(1)'), '/organization/url'],
    ['http url', (d) => (d.organization.url = 'http://example.com'), '/organization/url'],
    ['unknown field', (d) => (d.extra = true), ''],
    ['missing expires', (d) => delete d.expires, ''],
    ['html block', (d) => (d.introduction[0].type = 'html'), '/introduction/0'],
    ['issuer with path', (d) => (d.issuer = 'https://example.com/trust'), '/issuer'],
    ['version 2', (d) => (d.version = 2), '/version'],
    // URLs the elements cannot format for display (decodeURIComponent throws on them).
    ['contact url mailto:%', (d) => (d.contacts = [{ role: 'security', url: 'mailto:%' }]), '/contacts/0/url'],
    [
      'report url mailto:%E0%A4%A',
      (d) =>
        (d.certifications = [
          { id: 'iso', framework: 'ISO 27001', status: 'certified', report: { access: 'public', url: 'mailto:%E0%A4%A' } },
        ]),
      '/certifications/0/report/url',
    ],
    ['link with %zz', (d) => (d.links = { statusPage: 'https://status.example.com/%zz' }), '/links/statusPage'],
    ['hour 24', (d) => (d.issued = '2026-05-24T24:00:00Z'), '/issued'],
    ['offset +24:00', (d) => (d.expires = '2026-05-24T00:00:00+24:00'), '/expires'],
  ];
  for (const [what, mutate, pointer] of cases) {
    const doc = structuredClone(base);
    mutate(doc);
    const result = validatePosture(doc);
    assert.equal(result.ok, false, `runtime validator accepts: ${what}`);
    assert.equal(ajvValidate(doc), false, `JSON Schema accepts: ${what}`);
    assert.ok(
      ajvValidate.errors!.some((e) => e.instancePath.startsWith(pointer)),
      `${what}: ${JSON.stringify(ajvValidate.errors)}`,
    );
    const jsonPath = '$' + pointer.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.');
    assert.ok(
      result.issues.some((i) => i.path.startsWith(jsonPath)),
      `${what}: ${JSON.stringify(result.issues)}`,
    );
  }
});

test('the runtime validator also refuses what the elements cannot format and a pattern cannot say, naming the field', async () => {
  const base = JSON.parse(await readFile(path.join(demoDocs, 'personalityai.json'), 'utf8'));
  const cases: [string, (d: any) => void, string, RegExp][] = [
    [
      '%-escapes that are not UTF-8',
      (d) => (d.documents = [{ title: 'Policy', access: 'public', url: 'mailto:%E0%A4' }]),
      '$.documents[0].url',
      /UTF-8/,
    ],
    ['a port out of range', (d) => (d.issuer = 'http://localhost:99999'), '$.issuer', /origin/],
    ['a default port written out', (d) => (d.issuer = 'https://example.com:443'), '$.issuer', /origin/],
    ['February 30', (d) => (d.updated = '2026-02-30'), '$.updated', /real date/],
  ];
  for (const [what, mutate, jsonPath, message] of cases) {
    const doc = structuredClone(base);
    mutate(doc);
    const result = validatePosture(doc);
    assert.equal(result.ok, false, `runtime validator accepts: ${what}`);
    assert.ok(
      result.issues.some((i) => i.path === jsonPath && message.test(i.message)),
      `${what}: ${JSON.stringify(result.issues)}`,
    );
  }
  // The same characters, escaped as UTF-8, are fine.
  const good = structuredClone(base);
  good.documents = [{ title: 'Policy', access: 'public', url: 'mailto:s%C3%A9curit%C3%A9@example.com' }];
  assert.deepEqual(validatePosture(good).issues, []);
  assert.equal(ajvValidate(good), true, JSON.stringify(ajvValidate.errors));
});

test('a description for a field that does not exist fails the schema build', async () => {
  const { toJsonSchema } = await import('../../src/core/json-schema.js');
  const { PostureDocumentSpec } = await import('../../src/core/schema.js');
  assert.throws(() => toJsonSchema(PostureDocumentSpec, { 'categories[].controls[].colour': 'x' }), /colour/);
  const schema = toJsonSchema(PostureDocumentSpec, { issuer: 'Who signs.' }) as { properties: Record<string, { description?: string }> };
  assert.equal(schema.properties.issuer!.description, 'Who signs.');
});

test('keys that name Object.prototype members are plain unknown fields, never special', async () => {
  const base = JSON.parse(await readFile(path.join(demoDocs, 'personalityai.json'), 'utf8'));
  const text = JSON.stringify(base).replace(/^\{/, '{"__proto__": {"polluted": true}, "constructor": 1, "toString": "x",');
  const result = validatePosture(JSON.parse(text));
  assert.equal(result.ok, false);
  assert.deepEqual(result.issues.map((i) => i.path).sort(), ['$.__proto__', '$.constructor', '$.toString'].sort());
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  // A document that lacks a required field is not rescued by an inherited one.
  const withoutUpdated = { ...base };
  delete withoutUpdated.updated;
  assert.deepEqual(validatePosture(Object.assign(Object.create({ updated: '2026-01-01' }), withoutUpdated)).issues, [
    { path: '$.updated', message: 'is required' },
  ]);
});

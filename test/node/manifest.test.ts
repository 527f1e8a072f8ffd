/** custom-elements.json is generated from the elements' JSDoc: the committed file must be current. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { buildManifest } from '../../scripts/manifest.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('custom-elements.json is current (run npm run manifest when this fails)', async () => {
  const fresh = await buildManifest();
  const committed = await readFile(path.join(root, 'custom-elements.json'), 'utf8');
  if (fresh !== committed) {
    const a = fresh.split('\n');
    const b = committed.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    assert.fail(
      `custom-elements.json is stale: run npm run manifest (first difference at line ${line + 1}: ${JSON.stringify(b[line])} → ${JSON.stringify(a[line])})`,
    );
  }
});

test('the manifest documents every element: tag, attributes, both events, parts and custom properties', async () => {
  const manifest = JSON.parse(await readFile(path.join(root, 'custom-elements.json'), 'utf8')) as {
    modules: {
      declarations?: {
        tagName?: string;
        attributes?: { name: string }[];
        events?: { name: string }[];
        cssParts?: unknown[];
        cssProperties?: unknown[];
      }[];
    }[];
  };
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  assert.deepEqual(elements.map((e) => e.tagName).sort(), ['control-status', 'subprocessor-list', 'trust-badge', 'trust-center']);
  for (const element of elements) {
    const attributes = element.attributes!.map((a) => a.name);
    for (const name of ['src', 'pin', 'keys', 'loading', 'expired', 'theme', 'timeout', 'state'])
      assert.ok(attributes.includes(name), `${element.tagName} documents ${name}`);
    assert.deepEqual(element.events!.map((e) => e.name).sort(), ['trust-error', 'trust-load'], element.tagName);
    assert.ok(element.cssParts!.length >= 4, `${element.tagName} documents its parts`);
    assert.ok(element.cssProperties!.length >= 5, `${element.tagName} documents its custom properties`);
  }
});

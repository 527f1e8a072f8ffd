/** The README's API reference is generated from custom-elements.json and must be current. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReadme } from '../../scripts/readme-api.js';

test('the README API reference is current (run npm run docs when this fails)', async () => {
  const { current, next } = await renderReadme();
  assert.ok(current === next, 'README.md API reference is stale: run npm run docs');
  for (const tag of ['trust-center', 'subprocessor-list', 'control-status', 'trust-badge'])
    assert.match(current, new RegExp(`### \`<${tag}>\``));
});

/**
 * The Node.js version the README and package.json promise for development is one that every locked
 * package accepts: `npm ci` on that version prints no engine warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import semver from 'semver';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const lock = JSON.parse(await readFile(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string }; version?: string; optional?: boolean; os?: string[] }>;
};
const README = await readFile(new URL('README.md', root), 'utf8');

test('the README names the lowest Node.js version package.json requires for development', () => {
  const range: string = pkg.devEngines.runtime.version;
  const lowest = semver.minVersion(range)!;
  const said = /On a fresh machine with Node\.js (\d+\.\d+) or later/.exec(README);
  assert.ok(said, 'the quick start names a Node.js version');
  assert.equal(said[1], `${lowest.major}.${lowest.minor}`);
  assert.ok(semver.satisfies(process.version, range), `this Node.js (${process.version}) is below ${range}`);
});

test('every locked package accepts the lowest Node.js version of devEngines (no EBADENGINE warning from npm ci)', () => {
  const lowest = semver.minVersion(pkg.devEngines.runtime.version)!;
  const refusing = Object.entries(lock.packages)
    .filter(([name, p]) => name !== '' && p.engines?.node && !(p.optional && p.os))
    .filter(([, p]) => !semver.satisfies(lowest, p.engines!.node!))
    .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')}@${p.version} wants node ${p.engines!.node}`);
  assert.deepEqual(refusing, []);
});

test("the package's own engines range for users does not ask more than development does", () => {
  assert.ok(semver.subset(pkg.devEngines.runtime.version, pkg.engines.node), `${pkg.devEngines.runtime.version} ⊄ ${pkg.engines.node}`);
});

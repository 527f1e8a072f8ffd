/**
 * The README's recipe for using trust-elements before it is on the npm registry, run as written:
 * pack the checkout, install the tarball into a fresh project, and use the CLI, the imports and the
 * CDN files from there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const README = await readFile(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

/** The lines of the recipe's one `sh` block, without their comments. */
function recipe(): string[] {
  const start = README.indexOf('### Before the package is on npm');
  assert.ok(start >= 0, 'the README has the checkout recipe');
  const block = /```sh\n([\s\S]*?)```/.exec(README.slice(start, README.indexOf('\n### ', start + 1)));
  assert.ok(block, 'the recipe has an sh block');
  return block[1]!
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

test(
  'README checkout recipe: pack, install the tarball into a new project, run the CLI and import the package',
  { timeout: 120_000 },
  async () => {
    const [pack, install, version] = recipe();
    assert.equal(pack, 'npm ci && npm pack');
    const tarball = `trust-elements-${pkg.version}.tgz`;
    assert.equal(install, `npm install ../trust-elements/${tarball}`, 'the tarball name in the README is this version');

    // The test run has installed and built the checkout already, so `npm pack` skips its prepack build.
    const work = await mkdtemp(path.join(os.tmpdir(), 'te-tarball-'));
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root, stdio: 'pipe' });
    assert.ok(existsSync(path.join(work, tarball)), `npm pack wrote ${tarball}`);

    // The README's layout: the checkout beside the project, as ../trust-elements.
    execFileSync('mkdir', ['-p', path.join(work, 'trust-elements'), path.join(work, 'your-site')]);
    execFileSync('mv', [path.join(work, tarball), path.join(work, 'trust-elements', tarball)]);
    const site = path.join(work, 'your-site');
    await writeFile(path.join(site, 'package.json'), JSON.stringify({ name: 'your-site', private: true, type: 'module' }));
    execSync(`${install} --prefer-offline --no-audit --no-fund`, { cwd: site, stdio: 'pipe' });

    assert.equal(execSync(version!, { cwd: site, encoding: 'utf8' }).trim(), pkg.version);
    const imported = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "const c = await import('trust-elements/core'); console.log(typeof c.verifyPosture)"],
      { cwd: site, encoding: 'utf8' },
    );
    assert.equal(imported.trim(), 'function');
    const cdn = path.join(site, 'node_modules/trust-elements/dist/cdn');
    assert.ok(existsSync(path.join(cdn, 'trust-elements.min.js')), 'the CDN files to copy are in the installed package');
    assert.ok(existsSync(path.join(cdn, 'trust-elements.min.js.sri')), 'with their integrity values');
  },
);

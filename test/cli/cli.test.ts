import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { COMMANDS, version } from '../../src/cli/run.js';
import { allOutput, cli, keygen, makeDocument, spawnCli, tempDir, writeJson } from './helpers.js';

describe('global options and dispatch', () => {
  test('--help and -h print the commands, exit 0', async () => {
    const dir = await tempDir();
    for (const flag of ['--help', '-h']) {
      const r = await cli(dir, [flag]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: trust-elements <command>/);
      for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`^  ${c.name} `, 'm'));
    }
  });

  test('every command has --help (and `help <command>`)', async () => {
    const dir = await tempDir();
    for (const c of COMMANDS) {
      const r = await cli(dir, [c.name, '--help']);
      assert.equal(r.code, 0, c.name);
      assert.match(r.stdout, new RegExp(`^Usage: trust-elements ${c.name}`));
      assert.equal(r.stderr, '');
      assert.equal((await cli(dir, ['help', c.name])).stdout, r.stdout);
    }
    // --help wins over otherwise wrong arguments.
    assert.equal((await cli(dir, ['sign', '--bogus', '-h'])).code, 0);
  });

  test('--version prints the package version', async () => {
    const dir = await tempDir();
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    const r = await cli(dir, ['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
    assert.equal(version(), pkg.version);
  });

  test('unknown command, unknown option, missing value, no command: one line, exit 2', async () => {
    const dir = await tempDir();
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /^trust-elements: unknown command 'frobnicate' \(see 'trust-elements --help'\)\n$/],
      [['sgin'], /^trust-elements: unknown command 'sgin'; did you mean 'sign'\? \(see 'trust-elements --help'\)\n$/],
      [['--frob'], /^trust-elements: unknown option --frob/],
      [
        ['verify', 'x.json', '--jwsk', 'j.json'],
        /^trust-elements: unknown option --jwsk for verify; did you mean --jwks\? \(see 'trust-elements verify --help'\)\n$/,
      ],
      [['sign', 'doc.json', '--key'], /^trust-elements: option --key needs a value/],
      [['inspect', '--json=yes', 'x'], /^trust-elements: option --json takes no value/],
      [['validate', 'a.json', 'b.json'], /^trust-elements: validate takes only a FILE to check; unexpected 'b\.json'/],
    ];
    for (const [argv, expected] of cases) {
      const r = await cli(dir, argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, expected);
      assert.equal(r.stdout, '');
    }
    const none = await cli(dir, []);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^Usage: /);
  });

  test('colours only on a TTY without NO_COLOR', async () => {
    const dir = await tempDir();
    await writeJson(dir, 'doc.json', makeDocument());
    const capture = async (isTTY: boolean, env: Record<string, string>) => {
      let out = '';
      await cli(dir, ['validate', 'doc.json'], { env, stdout: { isTTY, write: (s: string) => (out += s) } });
      return out;
    };
    assert.match(await capture(true, {}), /\u001b\[32m✓/);
    assert.doesNotMatch(await capture(true, { NO_COLOR: '1' }), /\u001b\[/);
    assert.doesNotMatch(await capture(false, {}), /\u001b\[/);
  });
});

describe('the real executable', () => {
  test('--version, unknown command, and a whole release: keygen → sign → publish → verify', async () => {
    const dir = await tempDir();
    const v = await spawnCli(dir, ['--version']);
    assert.equal(v.code, 0);
    assert.match(v.stdout, /^\d+\.\d+\.\d+/);
    const unknown = await spawnCli(dir, ['nope']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr.trim().split('\n').length, 1);
    assert.doesNotMatch(unknown.stderr, /at .*\.ts:\d+/, 'no stack trace');

    assert.equal((await spawnCli(dir, ['keygen', '--alg', 'es256'])).code, 0);
    assert.equal((await stat(path.join(dir, 'trust-elements.key.json'))).mode & 0o777, 0o600);
    await writeJson(dir, 'doc.json', makeDocument());
    const signed = await spawnCli(dir, ['sign', 'doc.json', '--key', 'trust-elements.key.json', '--valid-for', '90d', '--sequence', '8']);
    assert.equal(signed.code, 0, signed.stderr);
    await writeJson(dir, 'signed.json', JSON.parse(signed.stdout));
    assert.equal((await spawnCli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json'])).code, 0);
    const verified = await spawnCli(dir, [
      'verify',
      'site/.well-known/trust-elements/posture.json',
      '--jwks',
      'site/.well-known/trust-elements/jwks.json',
    ]);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /✓ verified[\s\S]*expires in 90 days[\s\S]*sequence +8/);
    const missing = await spawnCli(dir, ['verify', 'signed.json', '--jwks', 'missing.json']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'trust-elements: cannot read key set missing.json: no such file\n');
  });
});

describe('secrets', () => {
  test("a private key's d never appears in any output, even when key files are misused", async () => {
    const dir = await tempDir();
    const a = await keygen(dir, 'ed25519', 'a.json');
    const b = await keygen(dir, 'es256', 'b.json');
    await writeJson(dir, 'doc.json', makeDocument());
    const runs: string[][] = [
      ['sign', 'doc.json', '--key', 'a.json', '--key', 'b.json', '--out', 'signed.json'],
      ['sign', 'doc.json', '--key', 'a.json'],
      ['verify', 'signed.json', '--jwks', 'jwks.json'],
      ['verify', 'signed.json', '--jwks', 'jwks.json', '--json'],
      ['verify', 'signed.json', '--jwks', 'a.json'],
      ['inspect', 'signed.json'],
      ['inspect', 'signed.json', '--json'],
      ['inspect', 'a.json'],
      ['validate', 'a.json'],
      ['validate', 'b.json'],
      ['sign', 'a.json', '--key', 'b.json'],
      ['publish', 'site', '--document', 'signed.json', '--jwks', 'a.json'],
      ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json'],
      ['keygen', '--key', 'a.json'],
      ['keygen', '--key', 'c.json', '--jwks', 'a.json'],
    ];
    for (const argv of runs) await cli(dir, argv);
    const text = allOutput.join('\n');
    assert.ok(text.length > 1000, 'the commands did print');
    for (const d of [a.d, b.d]) assert.ok(!text.includes(d), 'd leaked');
  });
});

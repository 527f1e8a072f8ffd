/**
 * Issue 13: the README's rotation and CI recipes, run exactly as written after the vendor's first
 * release (the vendor recipe's first block), with https://vendor.example served from the published
 * folder on a loopback server. A partner's copy pinned to the old key keeps verifying across the
 * rotation, and so does one pinned with the tag `pin` printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { cli, readJson, tempDir, type Result } from './helpers.js';
import { recipeBlocks, vendorFetch, words } from './readme.js';
import { serveDir } from './serve.js';

/** The vendor's folder after the README's first release, and a runner for README lines in it. */
async function firstRelease() {
  const dir = await tempDir();
  const site = await serveDir(path.join(dir, 'public'));
  const fetch = vendorFetch(site.origin);
  const run = async (argv: string[], env: Record<string, string> = {}): Promise<Result> => {
    const stdin = Object.assign(new PassThrough().end(), { isTTY: false });
    const r = await cli(dir, argv, { fetch, stdin, env });
    assert.equal(r.code, 0, `${argv.join(' ')}\n${r.stdout}${r.stderr}`);
    return r;
  };
  const runLine = (line: string, env?: Record<string, string>) => {
    const argv = words(line);
    assert.deepEqual(argv.slice(0, 2), ['npx', 'trust-elements'], line);
    return run(argv.slice(2), env);
  };
  for (const line of recipeBlocks('### A vendor: sign and publish with the CLI')[0]!) await runLine(line);
  return { dir, site, fetch, runLine };
}

/** The partner's copy of the published document, and whether it verifies with `pins` alone. */
async function partnerVerifies(dir: string, pins: string): Promise<boolean> {
  const partner = path.join(dir, 'partner');
  await mkdir(partner, { recursive: true });
  await copyFile(path.join(dir, 'public/.well-known/trust-elements/posture.json'), path.join(partner, 'posture.json'));
  const r = await cli(partner, ['verify', 'posture.json', '--pin', pins]);
  return r.code === 0;
}

test('README rotation recipe, as written: announce, publish, pin prints both keys; switch, retire; partners pinned to the old key keep verifying', async () => {
  const { dir, site, runLine } = await firstRelease();
  try {
    const [announce, rotate] = recipeBlocks('### Rotating keys without breaking partners');
    assert.ok(announce && rotate, 'two code blocks: announce, then switch');
    assert.deepEqual(
      [...announce, ...rotate].map((line) => words(line).slice(2, 4).join(' ')),
      [
        'keys next',
        'sign posture.json',
        'publish public',
        'pin https://vendor.example/.well-known/trust-elements/posture.json',
        'sign posture.json',
        'keys retire',
        'publish public',
        'keys list',
      ],
    );
    const old = (await readJson(path.join(dir, 'trust-elements.key.json'))).kid as string;
    const out = [];
    for (const line of announce) out.push(await runLine(line));
    const next = (await readJson(path.join(dir, 'trust-elements.next.key.json'))).kid as string;
    const printed = /pin="([^"]+)"/.exec(out[3]!.stdout)?.[1];
    assert.equal(printed, `${old} ${next}`, 'pin prints the current and the announced next key');

    for (const line of rotate) out.push(await runLine(line));
    const jwks = await readJson(path.join(dir, 'public/.well-known/trust-elements/jwks.json'));
    assert.deepEqual(
      jwks.keys.map((k: { kid: string }) => k.kid),
      [next],
      'the old key is no longer published',
    );
    assert.match(out[7]!.stdout, new RegExp(`${old} +EdDSA +\\S+ +retired`));
    assert.match(out[7]!.stdout, new RegExp(`${next} +EdDSA +\\S+ +current`));
    const signed = await readJson(path.join(dir, 'public/.well-known/trust-elements/posture.json'));
    assert.equal(signed.signatures.length, 1, 'signed by the next key alone');
    // A partner who pinned the old key before the announcement, and one who pasted the printed tag.
    assert.ok(await partnerVerifies(dir, old), 'pinned to the old key alone: the announcement carries it');
    assert.ok(await partnerVerifies(dir, printed!), 'pinned with the tag pin printed');
  } finally {
    await site.close();
  }
});

test('README CI recipe, as written: the workflow signs with the key from a secret (env:NAME) and publishes the next release', async () => {
  const { dir, site, runLine } = await firstRelease();
  try {
    const [workflow] = recipeBlocks('### Signing in CI, without a key file', 'yaml');
    assert.ok(workflow, 'the README has the workflow');
    const runs = workflow.filter((line) => /^\s*- run: /.test(line)).map((line) => line.replace(/^\s*- run: /, ''));
    assert.deepEqual(
      runs.map((line) => words(line)[2]),
      ['sign', 'publish'],
    );
    // The secret, as the workflow's `env:` maps it: the key file's text, and no key file in the folder.
    const secret = /^\s*(\w+): \$\{\{ secrets\.(\w+) \}\}$/m.exec(workflow.join('\n'));
    assert.ok(secret, 'the workflow maps a secret to an environment variable');
    assert.match(runs[0]!, new RegExp(`--key env:${secret[1]}\\b`));
    const keyText = await readFile(path.join(dir, 'trust-elements.key.json'), 'utf8');
    const { rm } = await import('node:fs/promises');
    await rm(path.join(dir, 'trust-elements.key.json'));
    const signed = await runLine(runs[0]!, { [secret[1]!]: keyText });
    assert.match(signed.stdout, /sequence +2 +\(one above the previous release, 1/);
    await runLine(runs[1]!);
    const published = await readJson(path.join(dir, 'public/.well-known/trust-elements/posture.json'));
    const payload = JSON.parse(Buffer.from(published.payload, 'base64url').toString('utf8'));
    assert.equal(payload.sequence, 2);
  } finally {
    await site.close();
  }
});

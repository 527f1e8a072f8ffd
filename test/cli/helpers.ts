/**
 * Shared by the CLI tests: the test document (from test/fixtures), temporary directories, the CLI
 * run in-process (captured output) and as a real process.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run, type Io } from '../../src/cli/run.js';
import { makeDocument as testDocument } from '../fixtures/posture.js';

const statements = [{ id: 'hosting', title: 'Hosting', body: [{ type: 'paragraph', text: 'We host in the EEA.' }] }];

/**
 * The one test document (test/fixtures) with a statement, which the CLI's summaries count; loosely
 * typed, since CLI tests also write broken documents.
 */
export const makeDocument = (overrides: Record<string, unknown> = {}, now = Date.now()): Record<string, unknown> =>
  ({ ...testDocument({}, now), statements, ...overrides }) as Record<string, unknown>;

const dirs: string[] = [];
process.on('exit', () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test process exits. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'te-cli-'));
  dirs.push(dir);
  return dir;
}

export async function writeJson(dir: string, name: string, value: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}

export const readJson = async (file: string): Promise<any> => JSON.parse(await readFile(file, 'utf8'));

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every output the CLI produced in this test process, to check that no secret ever appears. */
export const allOutput: string[] = [];

/** Runs the CLI in-process in `cwd`, capturing its output. */
export async function cli(cwd: string, argv: string[], io: Partial<Io> = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    cwd,
    env: {},
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    ...io,
  });
  allOutput.push(stdout, stderr);
  return { code, stdout, stderr };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
export const MAIN = path.join(root, 'src/cli/main.ts');

/** Runs the real executable: `node --import tsx src/cli/main.ts …` in `cwd`. */
export function spawnCli(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', tsx, MAIN, ...argv],
      // The project's tsconfig wherever the test runs: the elements that publish pre-renders use its (legacy) decorators.
      { cwd, env: { ...process.env, NO_COLOR: '1', TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.json'), ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
        if (code === undefined) return reject(error);
        allOutput.push(stdout, stderr);
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** keygen in `dir`; returns the key file, its private `d` and its key id. */
export async function keygen(
  dir: string,
  alg: 'ed25519' | 'es256',
  keyName: string,
  jwksName = 'jwks.json',
): Promise<{ file: string; d: string; kid: string }> {
  const r = await cli(dir, ['keygen', '--alg', alg, '--key', keyName, '--jwks', jwksName]);
  if (r.code !== 0) throw new Error(`keygen failed: ${r.stderr}`);
  const jwk = await readJson(path.join(dir, keyName));
  return { file: path.join(dir, keyName), d: jwk.d, kid: jwk.kid };
}

/**
 * A folder with the test document signed by `key.json` (its key set `jwks.json`) into `signed.json`,
 * and a second, unrelated key `other.json` (`other-jwks.json`) for the wrong-key cases.
 */
export async function signedWithOtherKey(): Promise<{
  dir: string;
  key: Awaited<ReturnType<typeof keygen>>;
  other: Awaited<ReturnType<typeof keygen>>;
}> {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', makeDocument());
  const key = await keygen(dir, 'ed25519', 'key.json');
  const other = await keygen(dir, 'ed25519', 'other.json', 'other-jwks.json');
  const r = await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'signed.json']);
  if (r.code !== 0) throw new Error(`sign failed: ${r.stderr}`);
  return { dir, key, other };
}

/** Replaces one character in the middle of the payload of a signed file with another base64url character. */
export function tamperPayload(signedText: string): string {
  const jws = JSON.parse(signedText);
  const i = Math.floor(jws.payload.length / 2);
  const c = jws.payload[i];
  jws.payload = jws.payload.slice(0, i) + (c === 'A' ? 'B' : 'A') + jws.payload.slice(i + 1);
  return JSON.stringify(jws, null, 2);
}

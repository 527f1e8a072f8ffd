/**
 * Files and JSON for the commands: paths relative to the Io's cwd, reads and writes whose
 * failures read as one line ("cannot read key file k.json: no such file"), JSON errors with
 * line and column, atomic or exclusive writes, and the check every write passes first: never
 * over an input of the command, never over a private key.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './errors.js';
import type { Io } from './output.js';
import { holdsPrivateKey } from './private-keys.js';

export const resolvePath = (io: Io, file: string): string => path.resolve(io.cwd, file);

/** A path as the user would like to read it: relative to the cwd when inside it. */
export function displayPath(io: Io, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EEXIST':
      return 'it already exists';
    default:
      return e.message ?? String(error);
  }
}

/** Reads a file; `what` names it in the error ("key file"). */
export async function readBytes(io: Io, file: string, what: string): Promise<Uint8Array> {
  const full = resolvePath(io, file);
  try {
    return new Uint8Array(await readFile(full));
  } catch (error) {
    throw new CliError(`cannot read ${what} ${displayPath(io, full)}: ${describeFsError(error)}`, { cause: error });
  }
}

export async function readText(io: Io, file: string, what: string): Promise<string> {
  const bytes = await readBytes(io, file, what);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a leading BOM
  } catch {
    throw new CliError(`${what} ${file} is not UTF-8 text`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a parsed JSON value (or a text) looks like a signed document (any JWS serialization). */
export function looksSigned(value: unknown): boolean {
  if (typeof value === 'string') return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/.test(value.trim());
  return isObject(value) && typeof value.payload === 'string' && (Array.isArray(value.signatures) || typeof value.signature === 'string');
}

/**
 * Creates `file` with `mode` from the first byte on (O_CREAT|O_EXCL, so never over an existing
 * file, and the mode is never looser in between), and writes `data`.
 */
export async function createExclusive(file: string, data: string, mode: number): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `file` by creating a sibling temporary file (with `mode`) and renaming it over the
 * target: readers (a web server, say) see the old or the new content, never half of it.
 */
export async function writeAtomic(file: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** Runs a write, turning a file-system failure into one line naming the file. */
export async function writing<T>(io: Io, file: string, what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot write ${what} ${displayPath(io, file)}: ${describeFsError(error)}`, { cause: error });
  }
}

/** A file a command reads, as the output guard names it ("the key file k.json"). */
export interface InputFile {
  file: string;
  what: string;
}

/** The file's identity (following symlinks), or undefined when there is none to read. */
async function identity(file: string): Promise<{ dev: number; ino: number; real: string } | undefined> {
  try {
    const s = await stat(file);
    return { dev: s.dev, ino: s.ino, real: await realpath(file) };
  } catch {
    return undefined;
  }
}

/** Files larger than this are not key files; they are not read to look for one. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

/**
 * Refuses to write `output` (`what` it is, e.g. "signed document") when it resolves to one of the command's
 * `inputs` (the same file through a symlink, a `..` or a hard link: same device and inode, or
 * same real path), or when it is an existing file that holds a private key. Call it before any
 * write; `replacesKey` is for keygen --force, the one write meant to replace a private key.
 */
export async function guardOutput(
  io: Io,
  output: string,
  what: string,
  inputs: readonly InputFile[],
  options: { replacesKey?: boolean } = {},
): Promise<void> {
  const target = await identity(output);
  if (!target) return;
  for (const input of inputs) {
    const source = await identity(resolvePath(io, input.file));
    if (source && ((source.dev === target.dev && source.ino === target.ino) || source.real === target.real)) {
      const full = resolvePath(io, input.file);
      const via = full === output ? '' : ', by another path (a symbolic link, "..", or a hard link)';
      throw new CliError(
        `refusing to write the ${what} ${displayPath(io, output)}: it is the ${input.what} ${displayPath(io, full)}${via}, an input of this command; write to another file`,
      );
    }
  }
  if (options.replacesKey) return;
  const s = await stat(output);
  if (!s.isFile() || s.size > MAX_KEY_FILE_BYTES) return;
  const text = await readFile(output, 'utf8').catch(() => '');
  if (holdsPrivateKey(text)) {
    throw new CliError(
      `refusing to write the ${what} ${displayPath(io, output)}: that file holds a private key, which would be lost; write to another file`,
    );
  }
}

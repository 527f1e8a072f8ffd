/**
 * No rollback in the CLI: `verify --min-sequence N` and `verify --state FILE`, a small JSON file
 * that remembers, per issuer and document, the highest `sequence` verified (as the elements do in
 * localStorage), so that an older signed version served later is refused (`rolled-back`).
 */
import { readFile } from 'node:fs/promises';
import { isUrl, resolvePath, writeAtomic, writing, guardOutput } from './files.js';
import { CliError, UsageError } from './errors.js';
import { helpHint } from './command.js';
import { excerpt } from './display.js';
import { parseJsonText } from './json.js';
import type { Io } from './output.js';

/** The state file's content: `highest["[issuer, document]"]` is the highest sequence verified. */
interface State {
  highest: Record<string, number>;
}

/** `--min-sequence`: a whole number, 0 or more. */
export function parseMinSequence(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n))
    throw new UsageError(`--min-sequence '${excerpt(text)}' must be a whole number, 0 or more`, helpHint('verify'));
  return n;
}

/** The document's identity in the state file: its issuer and its URL (a local file by its full path). */
export const documentKey = (io: Io, issuer: string, source: string): string =>
  JSON.stringify([issuer, isUrl(source) ? new URL(source).href : resolvePath(io, source)]);

/** Reads the state file; a missing one is empty, a broken one is refused (it would forget what it guards). */
export async function readState(io: Io, file: string): Promise<State> {
  let text: string;
  try {
    text = await readFile(resolvePath(io, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { highest: {} };
    throw new CliError(`cannot read the state file ${excerpt(file)}: ${(error as Error).message}`);
  }
  const state = parseJsonText(text, file) as Partial<State> | null;
  const highest = state && typeof state === 'object' ? state.highest : undefined;
  if (
    typeof highest !== 'object' ||
    highest === null ||
    Array.isArray(highest) ||
    !Object.values(highest).every((n) => Number.isSafeInteger(n) && (n as number) >= 0)
  ) {
    throw new CliError(
      `the state file ${excerpt(file)} is not one this command wrote (it needs "highest": { … sequences }); refusing to use it`,
    );
  }
  return { highest: highest as Record<string, number> };
}

/** Records `sequence` for `key` when it is higher than what the state file holds. */
export async function remember(io: Io, file: string, state: State, key: string, sequence: number, inputs: string[]): Promise<void> {
  if ((state.highest[key] ?? -1) >= sequence) return;
  const target = resolvePath(io, file);
  await guardOutput(
    io,
    target,
    'state file',
    inputs.map((f) => ({ file: f, what: 'input' })),
  );
  const next = { highest: { ...state.highest, [key]: sequence } };
  await writing(io, target, 'state file', () => writeAtomic(target, `${JSON.stringify(next, null, 2)}\n`));
}

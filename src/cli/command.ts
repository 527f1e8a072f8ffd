/**
 * The shape of a command and its argument parsing: `util.parseArgs` in strict mode, with its
 * errors turned into one clear line and a hint (`see 'trust-elements sign --help'`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';
import { PROGRAM, type Io, type Printer } from './output.js';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface Context {
  io: Io;
  p: Printer;
}

export interface Command {
  name: string;
  /** One line, for the command list in `trust-elements --help`. */
  summary: string;
  /** The full help text of `trust-elements <name> --help`. */
  usage: string;
  /** Runs the command; returns the exit code. Throws CliError / PostureError for expected failures. */
  run(argv: string[], ctx: Context): Promise<number>;
}

export const helpHint = (command?: string) => `see '${PROGRAM}${command ? ` ${command}` : ''} --help'`;

/** Edit distance (insertions, deletions, substitutions, adjacent swaps), for "did you mean". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate closest to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.startsWith(word) && word.length >= 2 ? 0 : distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** True when `-h` / `--help` is among the options (before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}

export interface PositionalSpec {
  min: number;
  max: number;
  /** How the positionals are named in messages: "FILE", "DIR". */
  name: string;
}

/** Parses a command's arguments strictly; every mistake becomes a UsageError (exit 2). */
export function parseCommand<const O extends ParseArgsOptionsConfig>(
  command: string,
  argv: string[],
  options: O,
  positionals: PositionalSpec,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  let parsed;
  try {
    parsed = parseArgs({ args: joinDashValues(argv, options), allowPositionals: true, options, strict: true });
  } catch (error) {
    throw toUsageError(command, options, error);
  }
  const count = parsed.positionals.length;
  if (count < positionals.min) {
    throw new UsageError(`${command} needs ${positionals.name}`, helpHint(command));
  }
  if (count > positionals.max) {
    const extra = parsed.positionals
      .slice(positionals.max)
      .map((s) => `'${s}'`)
      .join(' ');
    throw new UsageError(
      `${command} takes ${positionals.max === 0 ? 'no arguments' : `only ${positionals.name}`}; unexpected ${extra}`,
      helpHint(command),
    );
  }
  return parsed;
}

/**
 * `--pin -AbC…`: key ids are base64url and may begin with "-", which parseArgs would read as an
 * option. A value that follows a string option and is not itself one of the command's options
 * is joined to it (`--pin=-AbC…`).
 */
function joinDashValues(argv: string[], options: ParseArgsOptionsConfig): string[] {
  const known = new Set(Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next?.startsWith('-') && next !== '--' && !known.has(next.split('=')[0]!)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function toUsageError(command: string, options: ParseArgsOptionsConfig, error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1]?.split(' ')[0] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const names = Object.keys(options).map((n) => `--${n}`);
    const suggestion = quoted.startsWith('--') ? closest(quoted, names) : undefined;
    return new UsageError(`unknown option ${quoted} for ${command}${suggestion ? `; did you mean ${suggestion}?` : ''}`, helpHint(command));
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return new UsageError(`option ${quoted} takes no value`, helpHint(command));
    if (/argument missing/.test(message)) return new UsageError(`option ${quoted} needs a value`, helpHint(command));
  }
  return new UsageError(message.split('. ')[0]!.replace(/\.$/, ''), helpHint(command));
}

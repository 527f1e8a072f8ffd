/**
 * What a command talks to: its output streams, working directory, environment and clock,
 * all injectable so commands run in-process in tests. Plus the colour styles, which are on
 * only when stdout is a terminal and NO_COLOR is not set.
 */
import type { FetchLike } from '../core/index.js';

export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  /** Relative paths in arguments are resolved against this directory. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** The clock ("now") for issued dates and expiry; `--now` overrides it where offered. */
  now: () => Date;
  /** For http(s) documents and key sets; defaults to the global fetch. */
  fetch?: FetchLike;
  /** Forces colours on or off; by default, on when stdout is a TTY and NO_COLOR is unset. */
  color?: boolean;
}

export function defaultIo(overrides: Partial<Io> = {}): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    ...overrides,
  };
}

export interface Style {
  enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const sgr = (on: boolean, open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);

export function colorEnabled(io: Io): boolean {
  if (io.color !== undefined) return io.color;
  return io.stdout.isTTY === true && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}

export function styleFor(io: Io): Style {
  const on = colorEnabled(io);
  return {
    enabled: on,
    bold: sgr(on, 1, 22),
    dim: sgr(on, 2, 22),
    red: sgr(on, 31, 39),
    green: sgr(on, 32, 39),
    yellow: sgr(on, 33, 39),
    cyan: sgr(on, 36, 39),
  };
}

/** Line printers bound to an Io. */
export interface Printer {
  io: Io;
  style: Style;
  out(line?: string): void;
  err(line?: string): void;
  /** A `trust-elements: warning: …` line on stderr. */
  warn(message: string): void;
  /** Aligned `label  value` rows on stdout. */
  table(rows: readonly (readonly [string, string])[], indent?: string): void;
}

export const PROGRAM = 'trust-elements';

export function printer(io: Io): Printer {
  const style = styleFor(io);
  return {
    io,
    style,
    out: (line = '') => void io.stdout.write(`${line}\n`),
    err: (line = '') => void io.stderr.write(`${line}\n`),
    warn: (message) => void io.stderr.write(`${PROGRAM}: ${style.yellow('warning')}: ${message}\n`),
    table(rows, indent = '  ') {
      const width = Math.max(0, ...rows.map(([label]) => label.length));
      for (const [label, value] of rows) io.stdout.write(`${indent}${style.dim(label.padEnd(width))}  ${value}\n`);
    },
  };
}

/** An argument as it would be typed in a POSIX shell (quoted only when it needs to be). */
export const shellArg = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

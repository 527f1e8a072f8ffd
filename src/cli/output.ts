/**
 * What a command talks to: its output streams, working directory, environment and clock,
 * all injectable so commands run in-process in tests. Plus the colour styles, which are on
 * only when stdout is a terminal and NO_COLOR is not set.
 *
 * Every line goes out through the printer, which escapes control and bidi characters in all of
 * it (text from a file or a server is never written raw). The colours survive that because a
 * style marks its text with a per-process random tag that no input can contain, and the
 * printer turns only those marks into terminal codes.
 */
import { randomBytes } from 'node:crypto';
import type { FetchLike } from '../core/index.js';
import { escapeForDisplay, jsonForDisplay } from './display.js';

export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Where answers to prompts come from (`init` asks only when it is a terminal). */
export interface Input extends AsyncIterable<string | Uint8Array> {
  isTTY?: boolean;
}

export interface Io {
  stdin?: Input;
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
    stdin: process.stdin,
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

// A style mark: noncharacters around a random tag and an SGR number; input cannot guess the tag.
const TAG = randomBytes(12).toString('hex');
const mark = (code: number) => `\ufdd0${TAG}${code}\ufdd1`;
const MARK = new RegExp(`\ufdd0${TAG}(\\d+)\ufdd1`, 'g');
const sgr = (open: number, close: number) => (s: string) => `${mark(open)}${s}${mark(close)}`;

/** A line as written: all of it escaped, then the style marks made terminal codes (or dropped). */
export function render(text: string, color: boolean): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    out += escapeForDisplay(text.slice(last, m.index)) + (color ? `\u001b[${m[1]}m` : '');
    last = m.index + m[0].length;
  }
  return out + escapeForDisplay(text.slice(last));
}

export function colorEnabled(io: Io): boolean {
  if (io.color !== undefined) return io.color;
  return io.stdout.isTTY === true && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}

export function styleFor(io: Io): Style {
  const on = colorEnabled(io);
  return {
    enabled: on,
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
  };
}

/** Line printers bound to an Io; each escapes what it writes (see the module header). */
export interface Printer {
  io: Io;
  style: Style;
  /** One line on stdout: a line break inside it is shown as an escape, never written. */
  out(line?: string): void;
  err(line?: string): void;
  /** Text of several lines (help, our own): each line printed as by `out`. */
  lines(text: string, to?: 'out' | 'err'): void;
  /** A JSON value on stdout, pretty-printed, with no raw control or bidi character. */
  json(value: unknown): void;
  /** Text of our own making on stdout as it is (a signed document): only its line breaks are kept raw. */
  write(text: string): void;
  /** A `trust-elements: warning: …` line on stderr. */
  warn(message: string): void;
  /** Aligned `label  value` rows on stdout. */
  table(rows: readonly (readonly [string, string])[], indent?: string): void;
}

export const PROGRAM = 'trust-elements';

export function printer(io: Io): Printer {
  const style = styleFor(io);
  const out = (line = '') => void io.stdout.write(`${render(line, style.enabled)}\n`);
  const err = (line = '') => void io.stderr.write(`${render(line, style.enabled)}\n`);
  return {
    io,
    style,
    out,
    err,
    lines: (text, to = 'out') => text.split('\n').forEach(to === 'out' ? out : err),
    json: (value) => void io.stdout.write(`${jsonForDisplay(value)}\n`),
    write: (text) =>
      void io.stdout.write(
        text
          .split('\n')
          .map((line) => render(line, style.enabled))
          .join('\n'),
      ),
    warn: (message) => err(`${PROGRAM}: ${style.yellow('warning')}: ${message}`),
    table(rows, indent = '  ') {
      const width = Math.max(0, ...rows.map(([label]) => label.length));
      for (const [label, value] of rows) out(`${indent}${style.dim(label.padEnd(width))}  ${value}`);
    },
  };
}

/** An argument as it would be typed in a POSIX shell (quoted only when it needs to be). */
export const shellArg = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

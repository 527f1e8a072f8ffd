/**
 * Expected failures of the CLI. Each is reported as one line on stderr,
 * `trust-elements: …` (plus indented detail lines where there is a list, such as every
 * schema problem), never with a stack trace.
 */
import { isPostureError } from '../core/index.js';
import { PROGRAM, type Printer } from './output.js';

export const EXIT_OK = 0;
/** The document is invalid, does not verify, or an operation failed. */
export const EXIT_FAILURE = 1;
/** The command line itself is wrong: unknown command or option, missing argument. */
export const EXIT_USAGE = 2;

export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: number;
  /** Lines printed indented under the message (e.g. every validation issue). */
  readonly details: readonly string[];

  constructor(message: string, options: { exitCode?: number; details?: readonly string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? EXIT_FAILURE;
    this.details = options.details ?? [];
  }
}

/** A mistake on the command line; `hint` names the help to read. */
export class UsageError extends CliError {
  override name = 'UsageError';
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message, { exitCode: EXIT_USAGE });
    this.hint = hint;
  }
}

/** Prints an error the way every command does and returns the exit code to use. */
export function reportError(p: Printer, error: unknown): number {
  const prefix = `${PROGRAM}: `;
  if (error instanceof CliError) {
    const hint = error instanceof UsageError && error.hint ? ` ${p.style.dim(`(${error.hint})`)}` : '';
    p.err(`${prefix}${error.message}${hint}`);
    for (const line of error.details) p.err(`  ${line}`);
    return error.exitCode;
  }
  if (isPostureError(error)) {
    p.err(`${prefix}${error.code}: ${error.message}`);
    for (const issue of error.issues) p.err(`  ${issue.path}: ${issue.message}`);
    return EXIT_FAILURE;
  }
  // A bug, not an expected failure: still one line, the stack only on request.
  const message = error instanceof Error ? error.message : String(error);
  p.err(`${prefix}unexpected error: ${message}`);
  if (p.io.env.TRUST_ELEMENTS_DEBUG && error instanceof Error && error.stack) p.err(error.stack);
  return EXIT_FAILURE;
}

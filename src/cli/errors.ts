/**
 * Expected failures of the CLI. Each is reported as one line on stderr,
 * `trust-elements: …` (plus indented detail lines where there is a list, such as every
 * schema problem), never with a stack trace.
 */
import { isPostureError, type ErrorCode, type PostureError } from '../core/index.js';
import { boundQuotes, excerpt } from './display.js';
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

/**
 * A core error's message as the CLI shows it: quoted input bounded to an excerpt, and a JSON
 * syntax error never with the parser's quote of the text (which may be a private key).
 */
export function postureMessage(error: PostureError): string {
  if (error.code === 'not-json' || error.code === 'payload-not-json') {
    // V8's reasons quote the text ("Unexpected token 'x', "…" is not valid JSON"): keep only what
    // precedes, and a position and reason of our own (json.ts), which never quote it.
    const head = /^(.*?\bnot valid JSON\b(?: \(line \d+, column \d+\))?(?:: [a-z][a-z ',(){}[\]]*)?)/s.exec(error.message)?.[1];
    if (head !== undefined) return `${head}.`;
  }
  // Some input is quoted without quotes (a server's status text): the whole message is bounded too.
  return excerpt(boundQuotes(error.message), 500);
}

/** What a vendor can do about a core error, where the core's message (written for pages) does not say. */
const HINTS: Partial<Record<ErrorCode, string>> = {
  'pin-invalid':
    "--pin takes key ids (43-character RFC 7638 thumbprints) as printed by 'trust-elements keygen' and 'trust-elements inspect', one per --pin or separated by spaces; leave --pin out to trust the whole key set",
  'rolled-back':
    'a newer sequence of this document was verified before (--min-sequence or --state): whoever serves it went back to an older signed version; publish the newest one again',
  'too-many-signatures':
    'readers refuse a document with this many signatures before checking any; sign with a few keys only (one per algorithm, two while rotating keys)',
};

export const hintFor = (error: PostureError): string | undefined => HINTS[error.code];

/** Validation issues as `path: message` lines, with quoted input bounded. */
export const issueLines = (issues: readonly { path: string; message: string }[]): string[] =>
  issues.map((i) => boundQuotes(`${i.path}: ${i.message}`));

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
    p.err(`${prefix}${error.code}: ${postureMessage(error)}`);
    for (const line of issueLines(error.issues)) p.err(`  ${line}`);
    const hint = hintFor(error);
    if (hint) p.err(`  ${p.style.dim(`hint: ${hint}`)}`);
    return EXIT_FAILURE;
  }
  // A bug, not an expected failure: still one line, the stack only on request.
  const message = error instanceof Error ? error.message : String(error);
  p.err(`${prefix}unexpected error: ${excerpt(message, 200)}`);
  if (p.io.env.TRUST_ELEMENTS_DEBUG && error instanceof Error && error.stack) p.lines(error.stack, 'err');
  return EXIT_FAILURE;
}

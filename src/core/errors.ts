/**
 * Every way loading or verifying a posture document can fail, each with a stable code
 * that callers (elements, CLI, host pages) branch on, and a message a person can read.
 * A leaf: it imports nothing, so every module can throw these errors without a cycle.
 */
/** One problem found by validation, with the JSON path of the offending value. */
export interface ValidationIssue {
  /** JSON path of the offending value, `$` for the document itself. */
  path: string;
  message: string;
}

export const ERROR_CODES = [
  'too-large',
  'not-json',
  'not-jws',
  'bad-base64url',
  'header-refused',
  'alg-refused',
  'keys-invalid',
  'pin-invalid',
  'too-many-signatures',
  'no-trusted-signature',
  'signature-invalid',
  'ed25519-unsupported',
  'payload-not-utf8',
  'payload-not-json',
  'schema-invalid',
  // A document of a newer major format version: made for a newer version of trust-elements.
  'newer-version',
  'issuer-mismatch',
  'expired',
  'issued-in-future',
  'rolled-back',
  'fetch-failed',
  'http-status',
  'content-type',
  'timeout',
  'aborted',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class PostureError extends Error {
  override name = 'PostureError';
  readonly code: ErrorCode;
  /** For `schema-invalid`: every problem, with its JSON path. */
  readonly issues: readonly ValidationIssue[];

  constructor(code: ErrorCode, message: string, extra: { issues?: readonly ValidationIssue[]; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    this.issues = extra.issues ?? [];
  }
}

export const isPostureError = (e: unknown): e is PostureError => e instanceof PostureError;

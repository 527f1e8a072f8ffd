/**
 * The fields a release sets: `issuer`, `issued`, `expires` and `sequence`. A draft (as `init`
 * writes it) leaves them out; `sign` fills them in — the issuer from the organization's site,
 * the dates from --valid-for (90 days by default), the sequence one above the previously signed
 * document's (or 1) — and `validate` checks a draft the same way. Flags win over the document.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { WELL_KNOWN_DOCUMENT } from '../core/index.js';
import { CliError } from './errors.js';
import { isUrl, looksSigned, resolvePath } from './files.js';
import type { Io } from './output.js';
import { decodePayload, parseJws, readDocument, readSource } from './payload.js';
import { isoSeconds, validityPeriod } from './time.js';

export const DEFAULT_VALIDITY = '90d';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The origin of the organization's https: site, which is where a vendor usually publishes. */
export function siteOrigin(doc: Record<string, unknown>): string | undefined {
  const url = isObject(doc.organization) ? doc.organization.url : undefined;
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

export interface ReleaseOptions {
  now: Date;
  issuer?: string | undefined;
  validFor?: string | undefined;
  sequence?: number | undefined;
  /** The sequence of the previously signed document, when one was found. */
  previousSequence?: number | undefined;
}

/** A field the release filled in, and how, for the summary (`issuer  https://… (from organization.url; --issuer to change)`). */
export interface Derived {
  field: 'issuer' | 'issued' | 'expires' | 'sequence';
  how: string;
}

/** The document with its release fields set; `derived` lists those that came from neither the document nor a flag. */
export function applyRelease(
  input: Record<string, unknown>,
  options: ReleaseOptions,
): { document: Record<string, unknown>; derived: Derived[] } {
  const derived: Derived[] = [];
  const document = { ...input };
  if (options.issuer !== undefined) document.issuer = options.issuer;
  else if (document.issuer === undefined) {
    const origin = siteOrigin(input);
    if (origin !== undefined) {
      document.issuer = origin;
      derived.push({ field: 'issuer', how: 'the origin of organization.url; --issuer to change' });
    }
  }
  if (options.validFor !== undefined || (document.issued === undefined && document.expires === undefined)) {
    const period = validityPeriod(options.validFor ?? DEFAULT_VALIDITY, options.now);
    document.issued = isoSeconds(period.issued);
    document.expires = isoSeconds(period.expires);
    if (options.validFor === undefined) derived.push({ field: 'expires', how: `now + ${DEFAULT_VALIDITY}; --valid-for to change` });
  }
  if (options.sequence !== undefined) document.sequence = options.sequence;
  else if (document.sequence === undefined) {
    const previous = options.previousSequence;
    document.sequence = previous === undefined ? 1 : previous + 1;
    derived.push({
      field: 'sequence',
      how:
        previous === undefined
          ? 'the first release; --sequence to change'
          : `one above the previous release, ${previous}; --sequence to change`,
    });
  }
  return { document, derived };
}

/** What to pass when a release field is still wrong after that: the hint under its validation problem. */
export const RELEASE_HINTS: Readonly<Record<string, string>> = {
  '$.issuer':
    'pass --issuer https://your-domain (the origin that serves /.well-known/trust-elements/posture.json), or set organization.url to an https: URL on it',
  '$.issued': 'pass --valid-for 90d to set issued and expires',
  '$.expires': 'pass --valid-for 90d to set issued and expires',
  '$.sequence': 'pass --sequence N (one more than the last published document)',
};

/** Hint lines for the release fields among `issues` (each once). */
export function releaseHints(issues: readonly { path: string }[]): string[] {
  const paths = new Set(issues.map((i) => i.path).filter((path) => RELEASE_HINTS[path] !== undefined));
  return [...paths].map((path) => `hint: ${path.slice(2)}: ${RELEASE_HINTS[path]}`);
}

/** The sequence of a signed document in `file` (read, not verified), or undefined when there is none. */
export async function previousSequence(file: string): Promise<number | undefined> {
  try {
    const text = await readFile(file, 'utf8');
    const value: unknown = looksSigned(text) ? text : JSON.parse(text);
    if (!looksSigned(value)) return undefined;
    const payload = decodePayload(parseJws(text, file), file);
    const sequence = isObject(payload) ? payload.sequence : undefined;
    return typeof sequence === 'number' && Number.isSafeInteger(sequence) && sequence >= 0 ? sequence : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sequence of the previous release named by `--previous`: a signed file, a site directory
 * that `publish` wrote, or the published URL. Read, not verified; unlike `--out`, it must be there.
 */
export async function namedPreviousSequence(io: Io, source: string): Promise<number> {
  let file = source;
  if (!isUrl(source) && (await stat(resolvePath(io, source)).catch(() => undefined))?.isDirectory()) {
    file = path.join(source, ...WELL_KNOWN_DOCUMENT.split('/'));
  }
  const { document, signed } = readDocument(await readSource(io, file, 'previous release'), file);
  const sequence = isObject(document) ? document.sequence : undefined;
  if (!signed || typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 0) {
    throw new CliError(
      `--previous ${file} is not a signed document with a sequence: name the last published document, its URL, or the site DIR`,
    );
  }
  return sequence;
}

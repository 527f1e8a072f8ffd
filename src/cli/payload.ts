/**
 * Reading what a signed document says WITHOUT verifying it (inspect, diff, and sign's look at
 * the previous release): the JWS in any serialization, and its payload as JSON.
 */
import { decode } from '../core/base64url.js';
import { DEFAULT_MAX_BYTES, fetchJsonBytes, isPostureError, toGeneralJws, type GeneralJws } from '../core/index.js';
import { boundQuotes } from './display.js';
import { CliError } from './errors.js';
import { isUrl, looksSigned, readText } from './files.js';
import { parseJsonText } from './json.js';
import { shellArg, type Io } from './output.js';

export function parseJws(text: string, source: string): GeneralJws {
  const value = looksSigned(text) ? text.trim() : parseJsonText(text, source);
  try {
    return toGeneralJws(value);
  } catch (error) {
    if (!isPostureError(error)) throw error;
    const hint =
      typeof value === 'object' && value !== null && 'version' in value
        ? `; it looks like an unsigned document: check it with 'trust-elements validate ${shellArg(source)}'`
        : '';
    throw new CliError(`${source}: ${error.message.replace(/\.$/, '')}${hint}`);
  }
}

export function decodePayload(jws: GeneralJws, source: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(decode(jws.payload, 'payload'));
  } catch (error) {
    throw new CliError(
      `${source}: the payload cannot be decoded: ${isPostureError(error) ? boundQuotes(error.message) : 'it is not UTF-8 text'}`,
    );
  }
  return parseJsonText(text, `the payload of ${source}`);
}

/** A file's or an http(s) URL's text, bounded like every document the CLI fetches. */
export async function readSource(io: Io, source: string, what: string): Promise<string> {
  return isUrl(source)
    ? new TextDecoder().decode(await fetchJsonBytes(source, what, { fetch: io.fetch, maxBytes: DEFAULT_MAX_BYTES }))
    : await readText(io, source, what);
}

/** A document, signed (its payload, not verified) or unsigned (as it is); `signed` says which. */
export function readDocument(text: string, source: string): { document: unknown; signed: boolean } {
  const value = looksSigned(text) ? text : parseJsonText(text, source);
  if (!looksSigned(value)) return { document: value, signed: false };
  return { document: decodePayload(parseJws(text, source), source), signed: true };
}

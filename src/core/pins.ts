/**
 * Pins: the key thumbprints a reader trusts. Parsed once, in one place, by the elements, the
 * core and the CLI alike, so that a pin list that is present but holds nothing usable trusts
 * nothing (it never falls back to discovery), and two spellings of one list key one cache entry.
 */
import { PostureError } from './errors.js';

/** An RFC 7638 SHA-256 thumbprint: 32 bytes, base64url without padding. */
const THUMBPRINT = /^[A-Za-z0-9_-]{43}$/;

/**
 * Reads a pin list: an attribute value (`"K1 K2"`, split on white space only) or a list of
 * values (`--pin K1 --pin K2`). Returns the thumbprints, de-duplicated, in their first order.
 * Throws `pin-invalid` when the list is empty or any entry is not a thumbprint.
 */
export function parsePins(input: string | readonly string[]): string[] {
  const parts = (typeof input === 'string' ? [input] : input).flatMap((p) => p.split(/\s+/)).filter((p) => p !== '');
  if (parts.length === 0) {
    throw new PostureError(
      'pin-invalid',
      "The pin is empty: it names no key, so no key is trusted. Set it to the vendor's key id(s), separated by spaces, or remove it to trust the keys published at the document's origin.",
    );
  }
  const bad = parts.find((p) => !THUMBPRINT.test(p));
  if (bad !== undefined) {
    const shown = bad.length > 48 ? `${bad.slice(0, 45)}…` : bad;
    throw new PostureError(
      'pin-invalid',
      `The pin "${escapeForDisplay(shown)}" is not a key id (a 43-character base64url RFC 7638 thumbprint); pins are separated by spaces only. No key is trusted.`,
    );
  }
  return [...new Set(parts)];
}

/** The one canonical spelling of a pin list, for cache keys: sorted, space-separated. */
export const pinsKey = (pins: readonly string[]): string => [...pins].sort().join(' ');

/** Control and bidi characters shown as visible `\u{…}` escapes (text from a document or a page). */
export function escapeForDisplay(text: string): string {
  // C0, DEL, C1, bidi embeddings/overrides/isolates, line/paragraph separators, BOM.
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

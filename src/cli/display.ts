/**
 * Text from files and servers, made safe to show on a terminal. The printer (output.ts) passes
 * every line through `escapeForDisplay` (the one escaping function, from the core), so a
 * crafted document cannot clear a line or paint a fake "✓ verified"; this module adds the
 * length bounds for text quoted in messages, and JSON output that stays valid JSON.
 */
import { escapeForDisplay } from '../core/pins.js';

export { escapeForDisplay };

/** How much of an input a message quotes. */
export const EXCERPT_CHARS = 60;

/** At most `max` characters of `text` (by code point), with an ellipsis when cut. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/**
 * A message with every double-quoted part bounded to an excerpt: messages from the core quote
 * input (a header's "alg", a media type, a URL) as it came.
 */
export const boundQuotes = (message: string, max = EXCERPT_CHARS): string =>
  message.replace(/"((?:[^"\\]|\\.)*)"/gs, (whole, inner: string) => (Array.from(inner).length > max ? `"${excerpt(inner, max)}"` : whole));

/** Code points that JSON.stringify leaves raw but a terminal may act on (C1, bidi, separators). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** JSON text (as JSON.stringify) with no raw control or bidi character: the same JSON value. */
export function jsonForDisplay(value: unknown, space = 2): string {
  // JSON.stringify escapes C0 itself; the rest can only occur inside strings, where \uXXXX is equal.
  return (JSON.stringify(value, null, space) ?? 'null').replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Strict base64url (RFC 4648 §5, no padding): one encoding per byte string, so no two texts verify alike. */
import { PostureError } from './errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function encode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** Decodes base64url; throws `bad-base64url` on any other character, padding, or non-canonical tail bits. */
export function decode(text: string, what = 'value'): Uint8Array {
  const fail = (why: string) => new PostureError('bad-base64url', `The ${what} is not valid base64url: ${why}.`);
  if (text.length % 4 === 1) throw fail('its length is impossible');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = c < 128 ? LOOKUP[c]! : -1;
    if (d < 0) throw fail(`it has the character ${JSON.stringify(text[i])} at position ${i}`);
    value = ((value << 6) | d) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  if (bits > 0 && (value & ((1 << bits) - 1)) !== 0) throw fail('its last character is not canonical');
  return out;
}

const utf8Encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => utf8Encoder.encode(text);

/** Decodes UTF-8, refusing malformed bytes instead of replacing them. */
export function fromUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

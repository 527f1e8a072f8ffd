/** Strict base64url (RFC 4648 §5, no padding): one encoding per byte string, so no two texts verify alike. */
import { PostureError } from './errors.js';

export function encode(bytes: Uint8Array): string {
  // btoa takes a "binary string", one character per byte; built in slices, as one spread of a large payload overflows the stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url; throws `bad-base64url` on any other character, padding, or non-canonical tail bits. */
export function decode(text: string, what = 'value'): Uint8Array {
  const fail = (why: string) => new PostureError('bad-base64url', `The ${what} is not valid base64url: ${why}.`);
  if (text.length % 4 === 1) throw fail('its length is impossible');
  // atob alone is lenient (it skips white space and takes padding): the alphabet is checked first.
  const bad = text.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0) throw fail(`it has the character ${JSON.stringify(text[bad])} at position ${bad}`);
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // atob drops the unused bits of a last partial group; canonical means they are zero: its bytes encode back to the same text.
  const tail = text.length % 4;
  if (tail && encode(bytes.subarray(bytes.length - tail + 1)) !== text.slice(-tail)) throw fail('its last character is not canonical');
  return bytes;
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

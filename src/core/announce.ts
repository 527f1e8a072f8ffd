/**
 * Key announcements: how a vendor names its next key before signing with it, so that a partner
 * pinned to the current key keeps verifying across a rotation. An announcement is a small compact
 * JWS (`typ` trust-key-announcement+json) signed by the current key; its payload names the next
 * key(s) by thumbprint, and when that stops being true (`expires`). A signed file carries its
 * announcements, unsigned, beside its signatures (`announcements`). A pinned reader trusts a named
 * key only when an announcement that verified with a key it already trusts names it: an unsigned
 * or forged claim adds nothing, and the work is bounded before any cryptography.
 */
import { decode, fromUtf8 } from './base64url.js';
import { PostureError } from './errors.js';
import { decodeProtectedHeader, verifyJws } from './jws.js';
import type { TrustedKey } from './keys.js';
import { parsePins } from './pins.js';

/** The protected `typ` of an announcement: a posture signature can never be read as one, nor one as a posture. */
export const ANNOUNCEMENT_TYP = 'trust-key-announcement+json';
/** The most announcements a file may carry, and so the longest chain of rotations a pin follows. */
export const MAX_ANNOUNCEMENTS = 4;
/** The longest an announcement may be valid: a key announced, then retired, is not trusted for ever. */
export const MAX_ANNOUNCEMENT_DAYS = 366;
// A compact JWS naming a few keys is a few hundred characters; a longer one is not read.
const MAX_ANNOUNCEMENT_CHARS = 2048;
const DAY = 86_400_000;

/** What an announcement says, once its signature verified with a trusted key. */
export interface Announcement {
  /** Thumbprints of the announced next key(s). */
  next: string[];
  issued: string;
  expires: string;
}

/** The announced keys of a verified announcement payload, or none when it is malformed or not valid at `now`. */
function announcedBy(payload: Uint8Array, now: number, skew: number): string[] {
  try {
    const a = JSON.parse(fromUtf8(payload) ?? '') as Announcement;
    const issued = Date.parse(a.issued);
    const expires = Date.parse(a.expires);
    if (!(issued <= now + skew && now < expires && expires - issued <= MAX_ANNOUNCEMENT_DAYS * DAY)) return [];
    if (!Array.isArray(a.next) || a.next.length > MAX_ANNOUNCEMENTS) return [];
    return parsePins(a.next);
  } catch {
    return [];
  }
}

/**
 * The announcements a file carries (none when it has no `announcements` array); more than
 * MAX_ANNOUNCEMENTS are refused, before any cryptography (call it first).
 */
export function announcementsOf(outer: unknown): unknown[] {
  const list = typeof outer === 'object' && outer !== null ? (outer as { announcements?: unknown }).announcements : undefined;
  if (!Array.isArray(list)) return [];
  if (list.length > MAX_ANNOUNCEMENTS) {
    throw new PostureError(
      'too-many-signatures',
      `The document carries ${list.length} key announcements; at most ${MAX_ANNOUNCEMENTS} are accepted.`,
    );
  }
  return list;
}

/**
 * The pins, extended by every key that a valid announcement of `list` (announcementsOf) names,
 * when that announcement is signed by a key already trusted (a pinned key, or one announced by
 * it: a chain of at most MAX_ANNOUNCEMENTS links). `candidates` are the public keys at hand (the
 * file's bundle or the key set); each announcement costs at most one signature check, and only
 * when its protected `kid` is trusted.
 */
export async function announcedPins(
  list: readonly unknown[],
  candidates: readonly TrustedKey[],
  pins: readonly string[],
  now: number,
  skew: number,
): Promise<string[]> {
  const trusted = [...pins];
  const open = list.filter((a): a is string => typeof a === 'string' && a.length <= MAX_ANNOUNCEMENT_CHARS);
  for (let grown = true; grown;) {
    grown = false;
    for (const a of [...open]) {
      let kid: unknown;
      try {
        kid = decodeProtectedHeader({ protected: a.split('.')[0]!, signature: '' }).kid;
      } catch {
        kid = undefined;
      }
      const key = candidates.find((k) => k.thumbprint === kid && trusted.includes(k.thumbprint));
      if (!key) continue; // not (yet) signed by a trusted key: no cryptography for it
      open.splice(open.indexOf(a), 1);
      try {
        const { payload } = await verifyJws(a, [key], { typ: ANNOUNCEMENT_TYP });
        for (const next of announcedBy(payload, now, skew)) {
          if (!trusted.includes(next)) {
            trusted.push(next);
            grown = true;
          }
        }
      } catch {
        // A forged or malformed announcement names no key; the document then stands on its own signatures.
      }
    }
  }
  return trusted;
}

/** An announcement's payload without verifying it (the CLI's `keys list` and `pin` show it). */
export function readAnnouncement(compact: string): Announcement | undefined {
  try {
    return JSON.parse(fromUtf8(decode(compact.split('.')[1] ?? '')) ?? '') as Announcement;
  } catch {
    return undefined;
  }
}

/**
 * Signing: a JWS with one signature per key, and a posture document validated, then signed.
 * Only signers (the CLI, tests) import this module; the browser's verify path never does.
 */
import { ANNOUNCEMENT_TYP, type Announcement } from './announce.js';
import { encode, utf8 } from './base64url.js';
import { signBytes, type SigningKey } from './crypto/sign.js';
import { PostureError } from './errors.js';
import type { GeneralJws, JwsSignature } from './jws.js';
import type { PublicJwk } from './keys.js';
import { validatePosture } from './validate.js';
import { POSTURE_TYP } from './verify.js';

/** Signs `payload` with each key: one JWS, several signatures (key rotation, both algorithms). */
export async function signJws(
  payload: Uint8Array,
  keys: readonly SigningKey[],
  extraHeader: Record<string, unknown> = {},
): Promise<GeneralJws> {
  if (keys.length === 0) throw new PostureError('keys-invalid', 'Signing needs at least one private key.');
  const encodedPayload = encode(payload);
  const signatures: JwsSignature[] = [];
  for (const key of keys) {
    const protectedHeader = encode(utf8(JSON.stringify({ alg: key.alg, kid: key.kid, ...extraHeader })));
    const signature = await signBytes(key, utf8(`${protectedHeader}.${encodedPayload}`));
    signatures.push({ protected: protectedHeader, signature: encode(signature) });
  }
  // The signers' public keys travel with the file, for readers that pin them (a partner's copy).
  return { payload: encodedPayload, signatures, jwks: { keys: keys.map((k) => k.publicJwk) } };
}

/** A signed key announcement as the vendor keeps it: the compact JWS, and the public key that signed it. */
export interface SignedAnnouncement {
  jws: string;
  by: PublicJwk;
}

/**
 * Announces the next key(s) (thumbprints), signed by each current key: one compact JWS per key,
 * for the signed files to carry (signPosture's `announcements`) until the announcement expires.
 */
export async function signAnnouncement(announcement: Announcement, keys: readonly SigningKey[]): Promise<SignedAnnouncement[]> {
  const out: SignedAnnouncement[] = [];
  for (const key of keys) {
    const jws = await signJws(utf8(JSON.stringify(announcement)), [key], { typ: ANNOUNCEMENT_TYP });
    out.push({ jws: `${jws.signatures[0]!.protected}.${jws.payload}.${jws.signatures[0]!.signature}`, by: key.publicJwk });
  }
  return out;
}

/**
 * Validates and signs a posture document with one or more keys; returns the JWS to publish. It
 * carries the key announcements given, and their signers' public keys beside its own (a reader
 * pinned to an announcing key needs that key to check the announcement).
 */
export async function signPosture(
  document: unknown,
  keys: readonly SigningKey[],
  announcements: readonly SignedAnnouncement[] = [],
): Promise<GeneralJws> {
  const result = validatePosture(document);
  if (!result.ok) {
    throw new PostureError(
      'schema-invalid',
      `The document is not valid: ${result.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      { issues: result.issues },
    );
  }
  const jws = await signJws(utf8(JSON.stringify(document)), keys, { typ: POSTURE_TYP });
  if (announcements.length === 0) return jws;
  const bundle = [...jws.jwks!.keys];
  for (const { by } of announcements) if (!bundle.some((k) => k.kid === by.kid)) bundle.push(by);
  return { ...jws, jwks: { keys: bundle }, announcements: announcements.map((a) => a.jws) };
}

/** The published file's text for a JWS: stable, readable JSON. */
export const serializeJws = (jws: GeneralJws): string => `${JSON.stringify(jws, null, 2)}\n`;

/**
 * The reader's core: everything a page or a verifier needs to load, verify and validate a
 * posture document, and nothing that signs. The elements import this, never `index.ts`.
 */
export * from './errors.js';
export * from './schema.js';
export { validatePosture, claimedVersion, formatPath, type ValidationIssue, type ValidationResult } from './validate.js';
export { thumbprint, trustedKeys, keyAlgorithm, ALGORITHMS, type Algorithm, type Jwks, type PublicJwk, type TrustedKey } from './keys.js';
export { verifyBytes } from './crypto/verify.js';
export {
  toGeneralJws,
  verifyJws,
  decodeProtectedHeader,
  REFUSED_HEADER_PARAMS,
  MAX_SIGNATURES,
  type GeneralJws,
  type JwsSignature,
  type VerifiedJws,
} from './jws.js';
export {
  verifyPosture,
  refuseRollback,
  PostureExpiredError,
  expiredPosture,
  POSTURE_TYP,
  DEFAULT_MAX_BYTES,
  DEFAULT_CLOCK_SKEW_SECONDS,
  type VerifyOptions,
  type VerifiedPosture,
} from './verify.js';
export {
  loadPosture,
  fetchJsonBytes,
  readLimited,
  discoveryUrl,
  DEFAULT_TIMEOUT_MS,
  MAX_JWKS_BYTES,
  type LoadOptions,
  type LoadedPosture,
  type FetchLike,
} from './load.js';
export { encode as base64urlEncode, decode as base64urlDecode } from './base64url.js';
export { RequestCache } from './cache.js';
export { parsePins, pinsKey, escapeForDisplay } from './pins.js';

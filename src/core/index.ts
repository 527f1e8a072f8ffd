/** The DOM-free core: the posture format, its validation, signing and verification. */
export * from './errors.js';
export * from './schema.js';
export { validatePosture, formatPath, type ValidationIssue, type ValidationResult } from './validate.js';
export { thumbprint, trustedKeys, generateSigningKey, importSigningKey, keyAlgorithm, ALGORITHMS, type Algorithm, type Jwks, type PublicJwk, type PrivateJwk, type SigningKey, type TrustedKey } from './keys.js';
export { toGeneralJws, verifyJws, verifyBytes, signJws, decodeProtectedHeader, REFUSED_HEADER_PARAMS, MAX_SIGNATURES, type GeneralJws, type JwsSignature, type VerifiedJws } from './jws.js';
export { verifyPosture, signPosture, serializeJws, POSTURE_TYP, DEFAULT_MAX_BYTES, DEFAULT_CLOCK_SKEW_SECONDS, type VerifyOptions, type VerifiedPosture } from './posture.js';
export { loadPosture, fetchJsonBytes, readLimited, discoveryUrl, DEFAULT_TIMEOUT_MS, MAX_JWKS_BYTES, type LoadOptions, type LoadedPosture, type FetchLike } from './load.js';
export { encode as base64urlEncode, decode as base64urlDecode } from './base64url.js';
export { RequestCache } from './cache.js';
export { parsePins, pinsKey, escapeForDisplay } from './pins.js';

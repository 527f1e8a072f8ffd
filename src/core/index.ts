/** The DOM-free core: the posture format, its validation, verification (`read.ts`) and signing. */
export * from './read.js';
export { generateSigningKey, importSigningKey, type PrivateJwk, type SigningKey } from './crypto/sign.js';
export { signJws, signPosture, serializeJws } from './sign.js';

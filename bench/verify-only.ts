/**
 * The bench's "signature check only" size entry: what a page needs to verify a JWS against a key
 * set (key import and verification), without validation or the loader. A file, not a string, so
 * that the type check fails if a name here stops existing (a string entry once named a function
 * that did not exist, and esbuild dropped it without a word).
 */
export { verifyJws } from '../src/core/jws.js';
export { trustedKeys } from '../src/core/keys.js';

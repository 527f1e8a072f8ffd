/** The DOM-free core: the posture format, its validation, verification (`read.ts`) and signing. */
export * from './read.js';
export { generateSigningKey, importSigningKey, type PrivateJwk, type SigningKey } from './crypto/sign.js';
export { signJws, signPosture, serializeJws, signAnnouncement, type SignedAnnouncement } from './sign.js';
export {
  ANNOUNCEMENT_TYP,
  MAX_ANNOUNCEMENTS,
  MAX_ANNOUNCEMENT_DAYS,
  announcedPins,
  announcementsOf,
  readAnnouncement,
  type Announcement,
} from './announce.js';
export {
  encryptPrivateJwk,
  decryptPrivateJwk,
  ENCRYPTED_KEY_MARK,
  PBKDF2_ITERATIONS,
  type EncryptedKeyFile,
} from './crypto/key-encryption.js';

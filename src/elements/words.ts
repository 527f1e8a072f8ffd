/**
 * The English words every element shares: statuses, the seal, loading and problems. Every other
 * language's are in i18n/<lang>.json under "common" (see i18n.ts). `{name}` is filled in by `say`.
 */
import type { ProblemKind } from './problems.js';

export const COMMON_WORDS = {
  status: { shipped: 'Shipped', 'in-progress': 'In progress', roadmap: 'Roadmap', 'not-applicable': 'Not applicable' },
  loading: 'Loading security information…',
  verified: 'Verified',
  expired: 'Expired',
  notVerified: 'Not verified',
  /** The seal's signer, by what decided trust: the issuer origin's published key (discovery), a pinned key, a named key set. */
  signedBy: "signed by {host}'s published key",
  signedByPin: 'signed by the key this page pinned',
  /** A pin, but the signer is the next key that a pinned key announced (rotation). */
  signedByAnnounced: 'signed by the successor the pinned key announced',
  signedByKeys: 'signed by the key set this page named',
  /** The short word when the document could not be loaded (network, timeout, HTTP status): not a failed check. */
  unavailable: 'Couldn’t load right now',
  updated: 'updated {date}',
  expires: 'expires {date}',
  /** The same date once it has passed. */
  expiredOn: 'expired on {date}',
  keyId: 'Key ID',
  /** The link to the document's change feed (links.feed). */
  subscribe: 'Subscribe to changes',
  expiredWarning: 'This information expired on {date}. It was genuine then, but it may be out of date now.',
  /** The explanation of "Verified" that the seal and the badge open on demand; who signed is `signedBy…`, the expiry `expires` / `expiredOn`. */
  explain: {
    /** The disclosure button's words. */
    open: 'What does “Verified” mean?',
    /** What the signature proves. */
    proves: 'This proves that the information comes unchanged from the holder of that key. Your browser checked the signature just now.',
    /** What it does not prove: the statements are the organization's own. */
    notProved: 'It does not prove that the statements are true: they are {org}’s own, not an audit.',
    /** Lead of the command that checks it outside the browser. */
    check: 'Check it yourself:',
  },
  problem: {
    network: 'The security information could not be loaded.',
    unverified: 'The security information could not be verified, so it is not shown.',
    rolledBack: 'An older version of the security information was served than this browser has already seen, so it is not shown.',
    damaged: 'The security information is damaged or in a format this page cannot read, so it is not shown.',
    clock: "The security information is dated in the future. Please check your device's clock.",
    browser: 'This browser cannot check the signature of the security information. Please update your browser.',
    expired: 'The security information has expired, so it is not shown.',
    missing: 'The requested security information is not part of this document.',
    setup: 'This page is set up to check the security information with a key that is missing or malformed, so it is not shown.',
  } satisfies Record<ProblemKind, string>,
  tellOwner: 'If this persists, please let the owner of this page know.',
  technical: 'Technical details',
};

export type CommonWords = typeof COMMON_WORDS;

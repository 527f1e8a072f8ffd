/** The events every trust element dispatches, after its `state` attribute is set. */
import type { VerifiedPosture } from '../core/read.js';
import type { PostureProblem } from './context.js';

export interface TrustLoadDetail {
  posture: VerifiedPosture;
  /** Key id (RFC 7638 thumbprint) of the first key whose signature verified. */
  signer: string;
  /** True when the document verified but has expired (`state="expired"`). */
  expired: boolean;
}

export type TrustErrorDetail = PostureProblem;

declare global {
  interface HTMLElementEventMap {
    'trust-load': CustomEvent<TrustLoadDetail>;
    'trust-error': CustomEvent<TrustErrorDetail>;
  }
}

/**
 * The posture shared by an element that loads a document (`src`) with every descendant element
 * that has no `src` of its own. The context key is a string, so two copies of the library on one
 * page still share.
 */
import { createContext } from '@lit/context';
import type { VerifiedPosture } from '../core/read.js';

export type PostureState = 'loading' | 'verified' | 'expired' | 'unverified' | 'error';

export interface PostureProblem {
  /** A core error code (`signature-invalid` …) or an element's own (`unknown-control`, `no-source`, `render-failed`). */
  code: string;
  message: string;
}

export interface PostureSnapshot {
  state: PostureState;
  posture?: VerifiedPosture;
  problem?: PostureProblem;
  /** The document URL, as loaded. */
  url?: string;
}

export const postureContext = createContext<PostureSnapshot>('trust-elements/posture');

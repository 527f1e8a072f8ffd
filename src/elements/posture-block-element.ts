/**
 * The elements that show a document as a block (<trust-center>, <subprocessor-list>,
 * <control-status>): a loading skeleton, the problem box, the seal and the expired warning.
 * <trust-badge> says all of that in its own box, so its file carries none of these.
 */
import type { TemplateResult } from 'lit';
import type { VerifiedPosture } from '../core/read.js';
import type { PostureProblem } from './context.js';
import { PostureElement } from './posture-element.js';
import { expiredWarning, loadingMessage, problemBox, seal } from './templates.js';

export abstract class PostureBlockElement extends PostureElement {
  protected override renderLoading(): unknown {
    return loadingMessage(this.strings);
  }

  protected override renderProblem(problem: PostureProblem): unknown {
    return problemBox(this.strings, problem, this.snapshot.url ?? this.src);
  }

  /** The seal: verified mark, signer's domain, updated and expiry dates, key id on demand. */
  protected renderSeal(posture: VerifiedPosture, expired: boolean): TemplateResult {
    return seal(this.strings, this.locale, posture, expired);
  }

  /** The warning above expired content. */
  protected renderExpiredWarning(posture: VerifiedPosture): TemplateResult {
    return expiredWarning(this.strings, this.locale, posture);
  }
}

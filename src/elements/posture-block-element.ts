/**
 * The elements that show a document as a block (<trust-center>, <subprocessor-list>,
 * <control-status>): a loading skeleton, the problem box, the seal and the expired warning.
 * <trust-badge> says all of that in its own box, so its file carries none of these.
 */
import { html, type TemplateResult } from 'lit';
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
    const input = this.explanationInput(posture, expired);
    const why = html`<div class="seal-why" @keydown=${this.explanation.keydown}>
      ${this.explanation.button(input)}${this.explanation.panel(input)}
    </div>`;
    return seal(this.strings, this.locale, posture, expired, why);
  }

  /** The warning above expired content. */
  protected renderExpiredWarning(posture: VerifiedPosture): TemplateResult {
    return expiredWarning(this.strings, this.locale, posture);
  }
}

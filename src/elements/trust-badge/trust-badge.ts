import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { VerifiedPosture } from '../../core/read.js';
import type { PostureProblem } from '../context.js';
import { PostureElement } from '../posture-element.js';
import { sharedStyles } from '../shared.styles.js';
import { problemKind } from '../problems.js';
import { safeHref, signedBy } from '../templates.js';
import { styles } from './trust-badge.styles.js';

/**
 * A small seal for a page footer: the organization, a verified mark and a one-line summary,
 * linking to the vendor's full trust page. It keeps one size in every state.
 *
 * @tagname trust-badge
 * @summary Verified security seal for a page footer.
 *
 * @attr href - The vendor's full trust page (https: only; anything else is not made a link).
 *
 * @csspart badge - The badge box (a link when `href` is https:).
 * @csspart mark - The round verified / warning mark.
 * @csspart name - The organization's name.
 * @csspart summary - The one-line summary.
 *
 * @cssproperty --trust-badge-width - Width of the badge (default 17rem).
 * @cssproperty --trust-badge-height - Height of the badge (default 3.5rem).
 * @cssproperty --trust-color-verified - Colour of the verified mark.
 * @cssproperty --trust-color-warning - Colour of the expired mark.
 * @cssproperty --trust-color-danger - Colour of the not-verified mark.
 * @cssproperty --trust-color-surface - Background.
 * @cssproperty --trust-color-border - Border colour.
 * @cssproperty --trust-color-text - Text colour.
 * @cssproperty --trust-color-muted - Summary text colour.
 * @cssproperty --trust-radius - Corner radius.
 */
export class TrustBadgeElement extends PostureElement {
  static override styles = [sharedStyles, styles];

  /** The vendor's full trust page; a link is made only from an https: URL. */
  @property() href?: string;

  private box(mark: string, name: string, summary: string, label: string): TemplateResult {
    const href = safeHref(this.href);
    const content = html`<span part="mark" class="mark" aria-hidden="true">${mark}</span>
      <span class="text">
        <span part="name" class="line name">${name}</span>
        <span part="summary" class="line summary">${summary}</span>
      </span>`;
    return href
      ? html`<a part="badge" class="badge" href=${href} aria-label=${label}>${content}</a>`
      : html`<div part="badge" class="badge" role="group" aria-label=${label}>${content}</div>`;
  }

  protected override renderLoading(): unknown {
    const s = this.strings;
    return this.box('…', s.loading, '', s.loading);
  }

  protected override renderProblem(problem: PostureProblem): unknown {
    const s = this.strings;
    const message = s.problem[problemKind(problem.code)];
    return this.box('!', problemKind(problem.code) === 'expired' ? s.expired : s.notVerified, message, message);
  }

  protected override renderPosture(posture: VerifiedPosture, expired: boolean): unknown {
    const s = this.strings;
    const controls = (posture.document.categories ?? []).flatMap((c) => c.controls);
    const shipped = controls.filter((c) => c.status === 'shipped').length;
    const signer = signedBy(s, posture);
    const status = expired ? s.expired : s.verified;
    const summary = controls.length ? `${status} · ${s.summary(shipped, controls.length)}` : `${status} · ${signer}`;
    const label = `${posture.document.organization.name}: ${summary}, ${signer}, ${s.expires(this.formatDate(posture.expires))}`;
    return this.box(expired ? '!' : '✓', posture.document.organization.name, summary, label);
  }
}

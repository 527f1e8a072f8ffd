import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Certification, VerifiedPosture } from '../../core/read.js';
import type { PostureProblem } from '../context.js';
import { PostureElement } from '../posture-element.js';
import { sharedStyles } from '../shared.styles.js';
import { problemKind, problemLook } from '../problems.js';
import { safeHref, signedBy } from '../templates.js';
import { styles } from './trust-badge.styles.js';
import { BADGE_WORDS } from './trust-badge.words.js';

/**
 * A small seal for a page footer: the organization, a verified mark and a short summary, linking
 * to the vendor's full trust page. The mark is a button that opens a short explanation of what
 * "Verified" means, laid over the page. Its words are never cut: they wrap inside the badge's width,
 * and the badge grows taller than `--trust-badge-height` only when they need more room (a long
 * organization name or signer); otherwise it keeps one size in every state.
 *
 * @tagname trust-badge
 * @summary Verified security seal for a page footer.
 *
 * @attr href - The vendor's full trust page (https: only; anything else is not made a link).
 * @attr show - What the summary shows after "Verified": `controls` (default: how many of the applicable
 *   controls are shipped), `certifications` (the current ones, e.g. "SOC 2 Type II · ISO 27001") or
 *   `name` (nothing more: the organization's name and the verified mark only).
 *
 * @csspart badge - The badge box (a link when `href` is https:).
 * @csspart mark - The round verified / warning mark.
 * @csspart name - The organization's name.
 * @csspart summary - The summary ("Verified · 5 of 7 controls shipped"); it wraps, never cut. Empty for a problem, whose explanation is the badge's accessible name and tooltip.
 * @csspart explain - The button over the mark that opens the explanation of "Verified" (Enter, Space or a click; Escape closes it).
 * @csspart explanation - The explanation: who signed, what the signature proves and what it does not, the expiry, how to check it yourself. It lies over the page below the badge, which keeps its size.
 *
 * @cssproperty --trust-badge-width - Width of the badge (default 17rem); its words wrap within it.
 * @cssproperty --trust-badge-height - Least height of the badge (default 3.5rem: a name and two summary lines); it grows only when its words need more.
 * @cssproperty --trust-color-verified - Colour of the verified mark.
 * @cssproperty --trust-color-warning - Colour of the expired mark.
 * @cssproperty --trust-color-danger - Colour of the not-verified mark.
 * @cssproperty --trust-color-surface - Background.
 * @cssproperty --trust-color-border - Border colour.
 * @cssproperty --trust-color-text - Text colour.
 * @cssproperty --trust-color-muted - Summary text colour, and the mark of a document that could not be loaded.
 * @cssproperty --trust-radius - Corner radius.
 */
export class TrustBadgeElement extends PostureElement {
  static override styles = [sharedStyles, styles];

  /** Lit's reactive properties, besides the base's. */
  static override properties: PropertyDeclarations = {
    href: {},
    show: {},
  };

  /** The vendor's full trust page; a link is made only from an https: URL. */
  href?: string;

  /** What the summary shows: `controls` (default), `certifications` or `name`. */
  show: 'controls' | 'certifications' | 'name' = 'controls';

  /** `tip`: a tooltip for what the box does not show in words (a problem's explanation). */
  private box(mark: string, name: string, summary: string, label: string, tip?: string, look = ''): TemplateResult {
    const href = safeHref(this.href);
    // <bdi>: the document's own name reads in its own direction on a page in another ("Acme, Inc."
    // keeps its period at its end in Arabic), and stays aligned as the page reads.
    const content = html`<span part="mark" class="mark" aria-hidden="true">${mark}</span>
      <span class="text">
        <span part="name" class="line name"><bdi>${name}</bdi></span>
        <span part="summary" class="line summary">${summary}</span>
      </span>`;
    return href
      ? html`<a part="badge" class="badge ${look}" href=${href} aria-label=${label} title=${ifDefined(tip)}>${content}</a>`
      : html`<div part="badge" class="badge ${look}" role="group" aria-label=${label} title=${ifDefined(tip)}>${content}</div>`;
  }

  protected override renderLoading(): unknown {
    const s = this.strings;
    return this.box('…', '', '', s.loading);
  }

  protected override renderProblem(problem: PostureProblem): unknown {
    const s = this.strings;
    const kind = problemKind(problem.code);
    // The short word only, never cut; the whole explanation is its accessible name.
    return this.box(
      '!',
      kind === 'expired' ? s.expired : kind === 'network' ? s.unavailable : s.notVerified,
      '',
      s.problem[kind],
      s.problem[kind],
      `is-${problemLook(problem.code)}`,
    );
  }

  protected override renderPosture(posture: VerifiedPosture, expired: boolean): unknown {
    const s = this.strings;
    const name = posture.document.organization.name;
    // In discovery mode the issuer's own published key was checked, so the host alone says it, in
    // words short enough for the badge's lines; pinned and named keys say what decided trust.
    const signer =
      posture.trustedBy === 'issuer'
        ? this.say(this.words(BADGE_WORDS, 'badge').signedByHost, { host: new URL(posture.issuer).host })
        : signedBy(s, posture);
    const detail = this.detail(posture) ?? (this.show === 'name' ? undefined : signer);
    const status = expired ? s.expired : s.verified;
    const summary = detail ? `${status} · ${detail}` : status;
    // Said once each: the signer is in the label only when the summary does not already say it.
    const label = [
      `${name}: ${summary}`,
      detail === signer ? '' : signer,
      this.say(expired ? s.expiredOn : s.expires, { date: this.formatDate(posture.expires) }),
    ];
    const box = this.box(expired ? '!' : '✓', name, summary, label.filter(Boolean).join(', '));
    // The explanation's button lies over the mark (outside the link, which it cannot be inside), and
    // its panel over the page below the badge: the badge's box keeps its size, nothing moves.
    const input = this.explanationInput(posture, expired);
    return html`${box}<span class="why-wrap" @keydown=${this.explanation.keydown}
      >${this.explanation.button(input, html`<span class="why-hint" aria-hidden="true">?</span>`)}${this.explanation.panel(input)}</span
    >`;
  }

  /** What `show` asks for, when the document has it: the shipped share of applicable controls, or the current certifications. */
  private detail(posture: VerifiedPosture): string | undefined {
    const document = posture.document;
    if (this.show === 'certifications') {
      const current = (document.certifications ?? []).filter(isCurrent).map((c) => c.framework);
      return current.length ? current.join(' · ') : undefined;
    }
    if (this.show === 'name') return undefined;
    // A not-applicable control is neither shipped nor missing: it is left out of the count.
    const controls = (document.categories ?? []).flatMap((c) => c.controls).filter((c) => c.status !== 'not-applicable');
    const shipped = controls.filter((c) => c.status === 'shipped').length;
    return controls.length ? this.say(this.words(BADGE_WORDS, 'badge').summary, { shipped, n: controls.length }) : undefined;
  }
}

/** A certification that holds today: certified, within its audit period when it states one. */
function isCurrent(c: Certification): boolean {
  const today = new Date().toISOString().slice(0, 10);
  return c.status === 'certified' && (!c.period || (c.period.from <= today && today <= c.period.to));
}

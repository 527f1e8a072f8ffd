/**
 * `<control-status>`: one control, one category or a summary, inline or as a small block.
 * Longer than 300 lines because its class JSDoc (about 95 lines) documents every mode, part and
 * custom property for custom-elements.json; the code itself is about 260 lines.
 */
import { html, nothing, svg, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CONTROL_STATUSES, type Control, type ControlCategory, type VerifiedPosture } from '../../core/read.js';
import type { PostureProblem } from '../context.js';
import { PostureBlockElement } from '../posture-block-element.js';
import { sealStyles, sharedStyles, STATUS_ICONS, statusStyles } from '../shared.styles.js';
import { problemKind } from '../problems.js';
import { plainText, rich, shownText, signedBy } from '../templates.js';
import { styles } from './control-status.styles.js';
import { CONTROL_WORDS } from './control-status.words.js';
import { POPOVER, TooltipController } from './tooltip-controller.js';

interface Badge {
  /** Unique in the shadow root: names the tooltip's id. */
  key: string;
  /** The status pill's class: `status-<status>`, `is-problem`, `is-expired` or `is-loading`. */
  tone: string;
  icon: string;
  label: string;
  title: string;
  titleLang?: string;
  /** What a screen reader says for the badge. */
  name: string;
  mark?: TemplateResult;
  /** The tooltip's content; without one the badge is not focusable. */
  tip?: TemplateResult;
  muted?: boolean;
}

/**
 * The status of one security control in running text (`control="ID"`), or of every control of
 * one category as a list (`category="ID"`). With neither attribute it shows a summary:
 * one badge per status with how many controls have it, their titles in the badge's tooltip.
 *
 * A badge shows the status by icon, word and colour (the pill), the control's title, and the
 * verified mark: a small neutral shield, so it never reads as the status (or an expired mark, icon
 * and word). Hovering or focusing it (every badge is a tab stop) shows a tooltip with the
 * description and the seal's facts, which is also the badge's accessible description; Escape
 * hides it. A single control sizes to its words and wraps with the sentence around it (it shows a
 * fixed-size skeleton while loading, the room reserve.css gives it); `layout="block"` makes it one
 * box of `--trust-control-width` in every state, for grids and for pages where nothing may move.
 * `label="status"` shows the status alone, for a sentence that already names the control. A list
 * reserves `--trust-control-list-min-height` while it loads.
 *
 * An id the document does not have is an error (`state="error"`, `trust-error` with code
 * `unknown-control` or `unknown-category`), never an empty element.
 *
 * @tagname control-status
 * @summary Verified status of one security control, or of a category's controls.
 *
 * @attr control - Id of the control to show as one badge. Takes precedence over `category`.
 * @attr category - Id of the category whose controls to list.
 * @attr layout - A single control's layout: `inline` (default) sizes to its words and wraps in running text; `block` is one fixed box.
 * @attr label - What a single control shows: `title` (default: the status and the control's title) or `status` (the status alone).
 *
 * @csspart badge - A badge box (focusable; one per control or status).
 * @csspart status - The status pill inside a badge: icon and word, in the status colour.
 * @csspart icon - The status icon.
 * @csspart label - The status word.
 * @csspart title - The control's title (in the summary: how many controls).
 * @csspart mark - A single badge's verified mark (a neutral shield), or its expired mark.
 * @csspart tooltip - The tooltip shown on hover and focus.
 * @csspart description - The control's description, in the tooltip.
 * @csspart group - The list view's box (category or summary).
 * @csspart heading - The category's title, or the summary's heading.
 * @csspart category-description - The category's description, when it has one.
 * @csspart list - The list of badges.
 * @csspart item - One list entry.
 * @csspart seal - The list view's seal: verified, signed by, updated and expiry dates, key id.
 * @csspart explain - The seal's "What does “Verified” mean?" button (Enter, Space or a click opens it; Escape closes it).
 * @csspart explanation - What the button opens: who signed, what the signature proves and what it does not, the expiry, how to check it yourself.
 * @csspart expired-warning - The warning above an expired list.
 * @csspart loading - The list view's loading message.
 * @csspart problem - The list view's explanation when nothing can be shown.
 * @csspart details - The technical details inside `problem`.
 *
 * @cssproperty --trust-control-width - Width of a single badge with `layout="block"` (default 20em).
 * @cssproperty --trust-control-height - Height of a badge in a list or with `layout="block"` (default 1.75em).
 * @cssproperty --trust-control-loading-width - Width of an inline control's loading skeleton (default 6em), as reserve.css reserves it.
 * @cssproperty --trust-control-list-min-height - Height reserved by a list while it loads (default 5em).
 * @cssproperty --trust-tooltip-width - Widest a tooltip grows (default 22rem).
 * @cssproperty --trust-tooltip-shadow - The tooltip's box shadow.
 * @cssproperty --trust-color-verified - Shipped status.
 * @cssproperty --trust-color-warning - In-progress status and the expired mark.
 * @cssproperty --trust-color-planned - Roadmap status.
 * @cssproperty --trust-color-muted - Not-applicable status, secondary text and the verified mark.
 * @cssproperty --trust-color-danger - The mark of a badge that cannot show its control.
 * @cssproperty --trust-color-text - Text colour.
 * @cssproperty --trust-color-surface - Background of badges and tooltips.
 * @cssproperty --trust-color-border - Border of badges and tooltips.
 * @cssproperty --trust-color-accent - Hovered badge border and the focus ring.
 * @cssproperty --trust-focus-ring - Outline of a focused badge.
 * @cssproperty --trust-radius - Corner radius.
 * @cssproperty --trust-space - Spacing of the list view.
 */
export class ControlStatusElement extends PostureBlockElement {
  static override styles = [sharedStyles, sealStyles, statusStyles, styles];

  /** Lit's reactive properties, besides the base's. */
  static override properties: PropertyDeclarations = {
    control: { reflect: true },
    category: { reflect: true },
    layout: { reflect: true },
    label: { reflect: true },
  };

  /** Id of the control to show as one badge. Takes precedence over `category`. */
  control?: string;

  /** Id of the category whose controls to list. */
  category?: string;

  /**
   * A single control's layout: `inline` (default) sizes to its words and wraps with the sentence
   * around it; `block` is one box of `--trust-control-width` in every state, for grids and for
   * pages where nothing may move when the document arrives.
   */
  layout: 'inline' | 'block' = 'inline';

  /** What a single control shows: `title` (default: the status and the control's title) or `status` (the status alone; the title stays in its accessible name). */
  label: 'title' | 'status' = 'title';

  /** Shows a badge's tooltip on hover and focus, hides it on Escape. */
  private readonly tooltips = new TooltipController(this);

  private get controlStrings(): typeof CONTROL_WORDS {
    return this.words(CONTROL_WORDS, 'control');
  }

  private get controlId(): string | undefined {
    return this.control?.trim() || undefined;
  }

  private get categoryId(): string | undefined {
    return this.category?.trim() || undefined;
  }

  private get mode(): 'control' | 'category' | 'summary' {
    return this.controlId ? 'control' : this.categoryId ? 'category' : 'summary';
  }

  protected override ownProblem(): PostureProblem | undefined {
    const posture = this.snapshot.posture;
    if (!posture) return undefined;
    const all = posture.document.categories ?? [];
    const control = this.controlId;
    const category = this.categoryId;
    if (control) {
      if (all.some((c) => c.controls.some((x) => x.id === control))) return undefined;
      return {
        code: 'unknown-control',
        message: `This document has no control "${control}".${known(
          all.flatMap((c) => c.controls.map((x) => x.id)),
          'controls',
        )}`,
      };
    }
    if (category && !all.some((c) => c.id === category)) {
      return {
        code: 'unknown-category',
        message: `This document has no category "${category}".${known(
          all.map((c) => c.id),
          'categories',
        )}`,
      };
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  protected override renderLoading(): unknown {
    if (this.mode !== 'control') return super.renderLoading();
    // Inline, the words to come are unknown: a quiet skeleton of a fixed size, the room reserve.css gives.
    if (this.layout !== 'block') {
      return html`<span part="badge" class="skeleton" role="status"><span class="visually-hidden">${this.strings.loading}</span></span>`;
    }
    return this.badge(
      { key: 'loading', tone: 'is-loading', icon: '…', label: '', title: this.strings.loading, name: this.strings.loading, muted: true },
      true,
    );
  }

  protected override renderProblem(problem: PostureProblem): unknown {
    if (this.mode !== 'control') return super.renderProblem(problem);
    const s = this.strings;
    const words = this.controlStrings;
    const kind = problemKind(problem.code);
    const word =
      kind === 'expired' ? s.expired : kind === 'missing' ? words.notFound : kind === 'network' ? words.unavailable : s.notVerified;
    const message = s.problem[kind];
    const source = this.snapshot.url ?? this.src;
    const tip = html`<span class="tip-line tip-title" aria-hidden="true">${message}</span>
      <span class="tip-line">${s.tellOwner}</span>
      <span class="tip-line tip-meta">${s.technical}: <code>${problem.code}</code>: ${shownText(problem.message)}${source ? html` (${shownText(source)})` : nothing}</span>`;
    return this.badge(
      {
        key: 'problem',
        tone: kind === 'expired' ? 'is-expired' : kind === 'network' ? 'is-unavailable' : 'is-problem',
        icon: kind === 'expired' ? '⚠' : '!',
        label: word,
        // Inline, the short word alone: the whole explanation would run on in the sentence (it is the name and tooltip).
        title: this.layout === 'block' ? message : '',
        name: `${word}: ${message}`,
        tip,
        muted: true,
      },
      true,
    );
  }

  protected override renderPosture(posture: VerifiedPosture, expired: boolean): unknown {
    const categories = posture.document.categories ?? [];
    switch (this.mode) {
      case 'control': {
        const id = this.controlId;
        const control = categories.flatMap((c) => c.controls).find((c) => c.id === id)!;
        return this.controlBadge(control, 'control', posture, expired, true);
      }
      case 'category':
        return this.renderCategory(
          categories.find((c) => c.id === this.categoryId)!,
          posture,
          expired,
        );
      default:
        return this.renderSummary(
          categories.flatMap((c) => c.controls),
          posture,
          expired,
        );
    }
  }

  private renderCategory(category: ControlCategory, posture: VerifiedPosture, expired: boolean): TemplateResult {
    const lang = posture.document.language;
    return html`<div part="group" class="group">
      ${expired ? this.renderExpiredWarning(posture) : nothing}
      <p part="heading" class="heading" id="heading" lang=${ifDefined(lang)}>${category.title}</p>
      ${category.description ? html`<p part="category-description" class="group-description" lang=${ifDefined(lang)}>${rich(category.description)}</p>` : nothing}
      <ul part="list" class="list" aria-labelledby="heading">
        ${category.controls.map((c, i) => html`<li part="item">${this.controlBadge(c, `c${i}`, posture, expired, false)}</li>`)}
      </ul>
      ${this.renderSeal(posture, expired)}
    </div>`;
  }

  private renderSummary(controls: Control[], posture: VerifiedPosture, expired: boolean): TemplateResult {
    const s = this.strings;
    const words = this.controlStrings;
    const lang = posture.document.language;
    const groups = CONTROL_STATUSES.map((status) => ({ status, controls: controls.filter((c) => c.status === status) })).filter(
      (g) => g.controls.length,
    );
    return html`<div part="group" class="group">
      ${expired ? this.renderExpiredWarning(posture) : nothing}
      <p part="heading" class="heading" id="heading">${words.heading}</p>
      ${
        groups.length
          ? html`<ul part="list" class="list" aria-labelledby="heading">
            ${groups.map(({ status, controls: list }) => {
              const label = s.status[status];
              const count = this.say(words.count, { n: list.length });
              const tip = html`<ul class="tip-list" lang=${ifDefined(lang)}>
                ${list.map((c) => html`<li>${c.title}</li>`)}
              </ul>`;
              return html`<li part="item">
                ${this.badge({ key: `s-${status}`, tone: `status-${status}`, icon: STATUS_ICONS[status] ?? '', label, title: count, name: this.say(words.label, { title: label, status: count }), tip }, false)}
              </li>`;
            })}
          </ul>`
          : html`<p class="empty">${words.none}</p>`
      }
      ${this.renderSeal(posture, expired)}
    </div>`;
  }

  /** One control's badge; `single` is the compact badge that carries the seal in its mark and tooltip. */
  private controlBadge(control: Control, key: string, posture: VerifiedPosture, expired: boolean, single: boolean): TemplateResult {
    const s = this.strings;
    const words = this.controlStrings;
    const lang = posture.document.language;
    const status = s.status[control.status];
    const last = control.recurring?.lastPerformed;
    const meta = [
      control.target ? this.say(words.target, { target: control.target }) : '',
      control.updated ? this.say(s.updated, { date: this.formatDate(control.updated) }) : '',
      control.availability ? `${words.availability}: ${control.availability}` : '',
      last ? `${words.lastPerformed}: ${this.formatDate(last)}` : '',
    ].filter(Boolean);
    // The title and status are the badge's name already; the description repeats them only when it has nothing else to say.
    const repeat = !(control.description || meta.length || single);
    const hidden = ifDefined(repeat ? undefined : 'true');
    const tip = html`<span class="tip-line tip-title" aria-hidden=${hidden} lang=${ifDefined(lang)}>${control.title}</span>
      <span class="tip-line tip-status status-${control.status}" aria-hidden=${hidden}><span aria-hidden="true">${STATUS_ICONS[control.status]}</span> ${status}</span>
      ${control.description ? html`<span part="description" class="tip-line" lang=${ifDefined(lang)}>${plainText(control.description)}</span>` : nothing}
      ${meta.length ? html`<span class="tip-line tip-meta">${meta.join(' · ')}</span>` : nothing}
      ${single ? this.tipSeal(posture, expired) : nothing}`;
    const mark = !single
      ? undefined
      : expired
        ? html`<span part="mark" class="mark is-expired"><span aria-hidden="true">⚠</span>${s.expired}</span>`
        : html`<span part="mark" class="mark is-verified" aria-hidden="true">${SHIELD}</span>`;
    const name = this.say(words.label, { title: control.title, status }) + (single && expired ? ` (${s.expired})` : '');
    return this.badge(
      {
        key,
        tone: `status-${control.status}`,
        icon: STATUS_ICONS[control.status] ?? '',
        label: status,
        title: control.title,
        titleLang: lang,
        name,
        mark,
        tip,
      },
      single,
    );
  }

  /** The seal's facts, for a badge too small to show them. */
  private tipSeal(posture: VerifiedPosture, expired: boolean): TemplateResult {
    const s = this.strings;
    const signer = signedBy(s, posture);
    const expires = this.formatDate(posture.expires);
    return expired
      ? html`<span class="tip-line tip-seal is-expired"><span aria-hidden="true">⚠ </span>${this.say(s.expiredWarning, { date: expires })}</span>
          <span class="tip-line tip-seal">${s.expired}, ${signer}</span>`
      : html`<span class="tip-line tip-seal"><span aria-hidden="true">✓ </span>${s.verified}, ${signer}, ${this.say(s.expires, { date: expires })}</span>`;
  }

  private badge(b: Badge, single: boolean): TemplateResult {
    const tipId = `tip-${b.key}`;
    // label="status": the sentence around it names the control already; its title stays in the accessible name and tooltip.
    const title =
      !b.title || (single && this.label === 'status' && b.label)
        ? nothing
        : html`<span part="title" class="title" lang=${ifDefined(b.titleLang)} dir=${ifDefined(b.titleLang && 'auto')}>${b.title}</span>`;
    const content = html`<span part="status" class="pill ${b.tone}"
        ><span part="icon" class="icon" aria-hidden="true">${b.icon}</span>${b.label ? html`<span part="label" class="label">${b.label}</span>` : nothing}</span
      >${title}${b.mark ?? nothing}`;
    const anchorClass = `anchor${single ? ' single' : ''}`;
    const badgeClass = `badge${b.muted ? ' is-muted' : ''}`;
    if (!b.tip) {
      return html`<span class=${anchorClass}><span part="badge" class=${badgeClass} role="status">${content}</span></span>`;
    }
    // The tooltip's accessible name is its text content (`b.tip`), which the rule cannot see in a binding.
    /* eslint-disable lit-a11y/accessible-name */
    return html`<span class=${anchorClass}
      ><span part="badge" class=${badgeClass} tabindex="0" role="img" aria-label=${b.name} aria-describedby=${tipId}>${content}</span
      ><span part="tooltip" class="tooltip" id=${tipId} role="tooltip" popover=${ifDefined(POPOVER ? 'manual' : undefined)}>${b.tip}</span></span
    >`;
    /* eslint-enable lit-a11y/accessible-name */
  }
}

/** The verified mark: a shield in the neutral colour, unlike any status pill (a green ✓ beside "Roadmap" read as "done"). */
const SHIELD = svg`<svg viewBox="0 0 16 16" width="1em" height="1em"><path d="M8 1.2 2.5 3.4v4.2c0 3.2 2.3 5.9 5.5 6.9 3.2-1 5.5-3.7 5.5-6.9V3.4z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/><path d="m5.5 8 1.8 1.8 3.3-3.4" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

/** " Its controls: a, b, c." for an error message, at most eight ids. */
function known(ids: string[], what: string): string {
  if (!ids.length) return ` It has no ${what}.`;
  const shown = ids.slice(0, 8).join(', ');
  return ` Its ${what}: ${shown}${ids.length > 8 ? ', …' : ''}.`;
}

/**
 * <trust-center>: a whole trust page from one document — header, seal, navigation, the sections in
 * the document's order, footer. Longer than 300 lines because the page's frame (header, footer,
 * navigation, section order and filters) meets here; every section renders in its own file.
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { PostureDocument, VerifiedPosture } from '../../core/read.js';
import { heading, headingLevel } from '../headings.js';
import { PostureBlockElement } from '../posture-block-element.js';
import { sealStyles, sharedStyles, statusIconStyles, statusStyles } from '../shared.styles.js';
import { changelogSection } from './changelog-section.js';
import { certificationTiles, certificationsSection } from './certifications-section.js';
import { contactsSection, linksSection } from './contact-sections.js';
import { controlsSection, type StatusFilter } from './controls-section.js';
import { residencySection, retentionSection } from './data-sections.js';
import { documentsSection } from './documents-section.js';
import { faqSection } from './faq-section.js';
import { LONG_LIST, section, type CenterSection, type CenterView, type NavEntry } from './section.js';
import { privacySection } from './privacy-section.js';
import { blocks, safeHref, subscribeLink } from '../templates.js';
import { FORMAT11_WORDS } from '../format11.words.js';
import { styles } from './trust-center.styles.js';
import { CENTER_WORDS } from './trust-center.words.js';

/** The document keys that become sections; the others make the header, the footer and the seal. */
type SectionKey = Exclude<
  keyof PostureDocument,
  | '$schema'
  | 'version'
  | 'issuer'
  | 'issued'
  | 'expires'
  | 'sequence'
  | 'language'
  | 'organization'
  | 'title'
  | 'introduction'
  | 'updated'
  | 'review'
  | 'order'
>;

/** Makes a key's section(s) from its value (present, and not an empty list). */
type SectionRenderer<K extends SectionKey> = (
  view: CenterView,
  value: NonNullable<PostureDocument[K]>,
  doc: PostureDocument,
) => CenterSection | CenterSection[] | undefined;

/** The sections that need nothing of the element but the document; controls and sub-processors are the element's own. */
const SECTIONS: { [K in SectionKey]?: SectionRenderer<K> } = {
  certifications: certificationsSection,
  privacy: (view, privacy, doc) => privacySection(view, privacy, doc.language),
  residency: residencySection,
  retention: retentionSection,
  documents: documentsSection,
  contacts: contactsSection,
  links: linksSection,
  faq: faqSection,
  changelog: changelogSection,
  statements: (view, statements, doc) =>
    statements.map((statement) =>
      section(
        view,
        `statement-${statement.id}`,
        statement.title,
        html`<div class="body" lang=${doc.language ?? nothing}>${blocks(statement.body)}</div>`,
        'statement',
      ),
    ),
};

/**
 * The vendor's whole posture document as a page: the organization, the seal, then every section
 * the document has — controls by category (with a filter by status), certifications,
 * sub-processors (an embedded `<subprocessor-list>`), residency, retention, documents, contacts,
 * links, FAQ, change log and every statement — in the order of the document's own keys, so the
 * vendor decides the order. An "On this page" navigation moves focus to each section's heading.
 *
 * Headings form one outline: the title is an `<h{heading-level}>` (default `h2`), each section
 * one level below, categories and items two below. The organization, title, introduction,
 * `updated` and `review` make the header and footer; `issuer`, `expires` and the keys are in the seal.
 *
 * @tagname trust-center
 * @summary A vendor's verified security and privacy posture, in full.
 *
 * @attr heading-level - Level (1–4) of the title heading; sections are one level below, categories and items two (default 2).
 * @attr status-filter - Which controls are shown: `all` (default), `shipped`, `in-progress`, `roadmap` or `not-applicable`. The visitor changes it with the filter buttons.
 *
 * @slot - Content of the host page shown after the sections (only when the document is shown). Elements in it without `src` show this element's document.
 * @slot footer - Content of the host page at the end of the footer.
 *
 * @csspart loading - The loading message.
 * @csspart problem - The explanation shown instead of the document when it cannot be shown.
 * @csspart details - The technical details of a problem.
 * @csspart expired-warning - The warning above an expired document.
 * @csspart seal - The verification seal: signer, updated and expiry dates, key id.
 * @csspart subscribe - The link to the document's change feed (when it names one in `links.feed`).
 * @csspart explain - The seal's "What does “Verified” mean?" button (Enter, Space or a click opens it; Escape closes it).
 * @csspart explanation - What the button opens: who signed, what the signature proves and what it does not, the expiry, how to check it yourself.
 * @csspart header - The header: organization, title, seal and introduction.
 * @csspart logo - The organization's logo (only from an https: URL).
 * @csspart organization - The organization's name, a link to its site.
 * @csspart title - The page title.
 * @csspart introduction - The introduction's paragraphs.
 * @csspart nav - The "On this page" navigation.
 * @csspart nav-link - A link in the navigation.
 * @csspart section - Every section; each also has `section-<kind>`: `section-controls`, `section-certifications`, `section-subprocessors`, `section-residency`, `section-retention`, `section-documents`, `section-contacts`, `section-links`, `section-faq`, `section-changelog`, `section-statement`, `section-privacy`.
 * @csspart section-controls - The controls section (see `section`; likewise for the other kinds).
 * @csspart section-title - A section's heading.
 * @csspart filter - The group of status filter buttons.
 * @csspart filter-button - One filter button (`aria-pressed` tells which is on).
 * @csspart filter-count - How many controls the filter shows (a polite live region).
 * @csspart category - One control category.
 * @csspart category-title - A category's heading.
 * @csspart no-match - The note in a category none of whose controls the filter shows.
 * @csspart control - One control.
 * @csspart control-title - A control's name.
 * @csspart status - A status mark (icon and word) of a control or certification.
 * @csspart certification-tiles - The certifications up front, under the header: one tile each.
 * @csspart tile - One certification's tile: framework, kind and report type, status, period.
 * @csspart certification - One certification.
 * @csspart party - One party in the privacy section: the controller, the data protection officer, the EU representative.
 * @csspart item-title - The heading of a certification or contact.
 * @csspart access - The access mode of a document or report: public, on request, under NDA.
 * @csspart request-access - "Request access" for a document or report on request or under NDA: a mailto: to its contact, else its url.
 * @csspart region - One data-residency region.
 * @csspart table - The retention table.
 * @csspart document - One document.
 * @csspart contact - One contact.
 * @csspart link - A link in the links section.
 * @csspart faq-item - One question and its answer.
 * @csspart change - One change-log entry.
 * @csspart footer - The footer: last updated, review cadence and note.
 *
 * @cssproperty --trust-center-max-width - Widest the element gets (default 72rem).
 * @cssproperty --trust-center-nav-width - Width of the navigation column on wide layouts (default 14rem).
 * @cssproperty --trust-center-sticky-top - Distance from the viewport top of the sticky navigation and of a section scrolled to, e.g. under a fixed site header (default 1rem).
 * @cssproperty --trust-center-loading-height - Space reserved while loading (default 24rem).
 * @cssproperty --trust-color-text - Text colour.
 * @cssproperty --trust-color-muted - Secondary text: labels, dates, notes.
 * @cssproperty --trust-color-surface - Background of cards.
 * @cssproperty --trust-color-subtle - Background of the navigation, table headers and pressed filter.
 * @cssproperty --trust-color-border - Rules and card borders.
 * @cssproperty --trust-color-accent - Links and the pressed filter.
 * @cssproperty --trust-color-verified - Shipped controls, certified, the verified seal.
 * @cssproperty --trust-color-warning - Controls in progress, the expired seal and warning.
 * @cssproperty --trust-color-danger - Expired certifications, the border of a problem message.
 * @cssproperty --trust-color-planned - Roadmap controls and planned certifications.
 * @cssproperty --trust-radius - Corner radius.
 * @cssproperty --trust-space - Base spacing.
 * @cssproperty --trust-focus-ring - Outline of the focused control.
 *
 * The sub-processors section embeds `<subprocessor-list>`, which `define/trust-center.js` registers
 * along with this element.
 *
 * The navigation becomes a side column when the element is at least 50rem wide (a container
 * query on the host, named `trust-center`).
 */
export class TrustCenterElement extends PostureBlockElement {
  static override styles = [sharedStyles, sealStyles, statusStyles, statusIconStyles, styles];

  /** Lit's reactive properties, besides the base's. */
  static override properties: PropertyDeclarations = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    statusFilter: { attribute: 'status-filter' },
  };

  /** Level (1–4) of the title heading; sections are one below, categories and items two below. */
  headingLevel = 2;

  /** Which controls are shown: `all`, or one status. */
  statusFilter: StatusFilter = 'all';

  private view(): CenterView {
    return {
      strings: this.strings,
      s: this.words(CENTER_WORDS, 'center'),
      locale: this.locale,
      level: headingLevel(this.headingLevel, 4),
      formatDate: (d) => this.formatDate(d),
      say: (template, values) => this.say(template, values),
      f: this.words(FORMAT11_WORDS, 'format11'),
    };
  }

  protected override renderPosture(posture: VerifiedPosture, expired: boolean): unknown {
    const doc = posture.document;
    const view = this.view();
    const sections = this.sections(doc, view);
    return html`
      ${expired ? this.renderExpiredWarning(posture) : nothing}
      ${this.renderHeader(posture, view, expired)}
      ${doc.certifications?.length ? certificationTiles(view, doc.certifications) : nothing}
      <div class="layout">
        ${sections.length > 1 ? this.renderNav(sections, view) : nothing}
        <div class="sections">
          ${sections.map((s) => s.content)}
          <slot></slot>
        </div>
      </div>
      ${this.renderFooter(doc, view)}
    `;
  }

  /**
   * One section per present key, in the order of `order` (format 1.1: statements as `statement:ID`
   * among the typed blocks), then the rest in the document's own key order; each statement is a section.
   */
  private sections(doc: PostureDocument, view: CenterView): CenterSection[] {
    const all = new Map<string, CenterSection>();
    for (const key of Object.keys(doc) as (keyof PostureDocument)[]) {
      const made = this.sectionFor(key as SectionKey, doc, view);
      for (const section of Array.isArray(made) ? made : made ? [made] : []) all.set(section.id, section);
    }
    // Section ids are the keys' (`controls` for categories) and `statement-ID`.
    const ids = (doc.order ?? []).map((ref) => (ref === 'categories' ? 'controls' : ref.replace(/^statement:/, 'statement-')));
    const first = ids.flatMap((id) => all.get(id) ?? []);
    return [...first, ...[...all.values()].filter((s) => !first.includes(s))];
  }

  /** The section(s) of one document key; an absent or empty value makes none. */
  private sectionFor(key: SectionKey, doc: PostureDocument, view: CenterView): CenterSection | CenterSection[] | undefined {
    const value = doc[key];
    if (!value || (Array.isArray(value) && !value.length)) return undefined;
    if (key === 'categories')
      return controlsSection(
        view,
        doc.categories!,
        this.statusFilter,
        (status) => (this.statusFilter = status),
        // Evidence names a document or certification of the same posture: shown by its title.
        new Map([
          ...(doc.documents ?? []).flatMap((d) => (d.id ? [[d.id, d.title] as const] : [])),
          ...(doc.certifications ?? []).map((c) => [c.id, c.framework] as const),
        ]),
      );
    if (key === 'subprocessors') return this.subprocessorsSection(view, doc.subprocessors!.entries?.length ?? 0);
    // Own keys only: a key the format does not know (ignored in a newer minor version) may be "toString".
    const render = Object.hasOwn(SECTIONS, key) ? (SECTIONS[key] as SectionRenderer<SectionKey>) : undefined;
    return render?.(view, value, doc);
  }

  /** The list, by `<subprocessor-list>` taking this element's document through context; its seal would repeat ours. */
  private subprocessorsSection(view: CenterView, entries: number): CenterSection {
    const content = html`<subprocessor-list class=${entries >= LONG_LIST ? 'lazy' : nothing} heading-level=${Math.min(6, view.level + 2)} expired=${this.expired}></subprocessor-list>`;
    return section(view, 'subprocessors', view.s.section.subprocessors, content);
  }

  private renderHeader(posture: VerifiedPosture, view: CenterView, expired: boolean): TemplateResult {
    const doc = posture.document;
    const org = doc.organization;
    const logo = safeHref(org.logo);
    const site = safeHref(org.url);
    return html`<header part="header" class="header">
      <p class="organization">
        ${logo ? html`<img part="logo" class="logo" src=${logo} alt=${view.say(view.s.logo, { org: org.name })} referrerpolicy="no-referrer" />` : nothing}
        ${site ? html`<a part="organization" href=${site} rel="noopener noreferrer">${org.name}</a>` : html`<span part="organization">${org.name}</span>`}
        ${org.legalName ? html`<span class="legal-name">${org.legalName}</span>` : nothing}
      </p>
      ${heading(view.level, { id: 'title', part: 'title', className: 'title' }, html`<span lang=${doc.language ?? nothing}>${doc.title ?? org.name}</span>`)}
      ${this.renderSeal(posture, expired)} ${subscribeLink(view.strings, posture)}
      ${doc.introduction?.length ? html`<div part="introduction" class="introduction" lang=${doc.language ?? nothing}>${blocks(doc.introduction)}</div>` : nothing}
    </header>`;
  }

  private renderNav(sections: CenterSection[], view: CenterView): TemplateResult {
    const link = (entry: NavEntry) =>
      html`<a part="nav-link" href=${`#${entry.id}`} @click=${(event: Event) => this.go(event, entry.id)}>${entry.title}</a>`;
    return html`<nav part="nav" class="nav" aria-labelledby="nav-title">
      <p id="nav-title" class="nav-title">${view.s.onThisPage}</p>
      <ul>
        ${sections.map(
          (entry) => html`<li>
            ${link(entry)}
            ${entry.children?.length ? html`<ul>${entry.children.map((child) => html`<li>${link(child)}</li>`)}</ul>` : nothing}
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  /** Hash links do not reach into a shadow root: scroll the target into view and move focus to its heading. */
  private go(event: Event, id: string) {
    event.preventDefault();
    const root = this.renderRoot as ShadowRoot;
    const target = root.getElementById(id);
    const title = root.getElementById(`${id}-title`);
    if (!target) return;
    const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    // In a long posture, far parts are laid out only as they come near (`lazy`): a smooth scroll
    // through them would lay them out on the way and miss its target. A jump does not.
    const lazy = root.querySelector('.lazy') !== null;
    target.scrollIntoView({ behavior: still || lazy ? 'auto' : 'smooth', block: 'start' });
    (title ?? target).focus({ preventScroll: true });
  }

  private renderFooter(doc: PostureDocument, view: CenterView): TemplateResult {
    const s = view.s;
    const review = doc.review;
    return html`<footer part="footer" class="footer">
      <p>
        ${doc.updated === 'undated' ? nothing : view.say(s.lastUpdated, { date: view.formatDate(doc.updated) })}
        ${review ? html` ${s.cadence[review.cadence]}` : nothing}
        ${review?.lastReviewed ? html` ${view.say(s.lastReviewed, { date: view.formatDate(review.lastReviewed) })}` : nothing}
      </p>
      ${review?.note ? html`<p lang=${doc.language ?? nothing}>${review.note}</p>` : nothing}
      <slot name="footer"></slot>
    </footer>`;
  }
}

/**
 * The frame every `<trust-center>` section shares: what a section renderer is given (strings,
 * locale, heading level), headings at a computed level, the `<section aria-labelledby>` wrapper,
 * dates as `<time>`, fact lists, and links made only through `safeHref`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { safeHref } from '../posture-element.js';
import { regionName, type CommonStrings, type TrustCenterStrings } from '../strings.js';

/** What a section renderer needs from the element. */
export interface CenterView {
  strings: CommonStrings;
  s: TrustCenterStrings;
  locale: string;
  /** Level of the page title; sections are one below it, their items two. */
  level: number;
  formatDate(date: string): string;
}

/** An entry of the "On this page" navigation, and the id of the element it scrolls to. */
export interface NavEntry {
  id: string;
  title: string;
  children?: NavEntry[];
}

/** A section to render, with its navigation entry. */
export interface CenterSection extends NavEntry {
  content: TemplateResult;
}

/**
 * `<hN>` for N clamped to 1–6; a target of the navigation gets `tabindex="-1"` so it can take focus.
 * One template per level (rather than lit/static-html, which would add its own code to the bundle).
 */
export function heading(level: number, options: { id?: string; part: string; className?: string; target?: boolean }, content: unknown): TemplateResult {
  const id = ifDefined(options.id);
  const part = options.part;
  const className = ifDefined(options.className);
  const tabindex = options.target ? '-1' : nothing;
  switch (Math.min(6, Math.max(1, level))) {
    case 1:
      return html`<h1 id=${id} part=${part} class=${className} tabindex=${tabindex}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id} part=${part} class=${className} tabindex=${tabindex}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} part=${part} class=${className} tabindex=${tabindex}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} part=${part} class=${className} tabindex=${tabindex}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} part=${part} class=${className} tabindex=${tabindex}>${content}</h5>`;
    default:
      return html`<h6 id=${id} part=${part} class=${className} tabindex=${tabindex}>${content}</h6>`;
  }
}

/** A `<section>` labelled by its heading; `kind` becomes an extra part name (`section-faq` …). */
/**
 * From this many items on (controls, or sub-processors), the parts of the page far off screen are
 * laid out only as they come near (`class="lazy"`: `content-visibility: auto`), so a long posture
 * paints in a fraction of the time (npm run bench: 10,000 of each, about 2.2 s → 0.6 s). Shorter
 * ones are laid out at once: nothing is estimated, so nothing is corrected while scrolling.
 */
export const LONG_LIST = 100;

export function section(view: CenterView, kind: string, id: string, title: string, content: unknown): TemplateResult {
  return html`<section part="section section-${kind}" class="section section-${kind}" id=${id} aria-labelledby=${`${id}-title`}>
    ${heading(view.level + 1, { id: `${id}-title`, part: 'section-title', className: 'section-title', target: true }, title)}
    ${content}
  </section>`;
}

/** A calendar date for people, machine-readable underneath. */
export function time(view: CenterView, date: string): TemplateResult {
  return html`<time datetime=${date}>${view.formatDate(date)}</time>`;
}

/** Term / value pairs; a pair whose value is missing is left out. */
export function facts(rows: [string, unknown][]): unknown {
  const present = rows.filter(([, value]) => value !== undefined && value !== nothing && value !== '');
  if (!present.length) return nothing;
  return html`<dl class="facts">${present.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
}

/** An e-mail address as a mailto: link (text when it cannot be one). */
export function emailLink(email: string): unknown {
  const href = safeHref(`mailto:${email.replace(/[?#&%]/g, encodeURIComponent)}`, true);
  return href ? html`<a href=${href}>${email}</a>` : email;
}

/** A link from an https: (or, when allowed, mailto:) URL, showing `label` or a readable form of the URL; nothing otherwise. */
export function urlLink(url: string | undefined, options: { label?: unknown; mailto?: boolean; part?: string } = {}): unknown {
  const href = safeHref(url, options.mailto);
  if (!href) return options.label ?? nothing;
  return html`<a href=${href} part=${ifDefined(options.part)} rel="noopener noreferrer">${options.label ?? readableUrl(href)}</a>`;
}

/** `https://example.com/trust/` → `example.com/trust`; `mailto:a@b.c` → `a@b.c`. */
export function readableUrl(href: string): string {
  const url = new URL(href);
  if (url.protocol === 'mailto:') return decodeURIComponent(url.pathname);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.host}${path}${url.search}`;
}

/** A country's name in the visitor's language, falling back to its code. */
export function countryName(view: CenterView, code: string): string {
  return regionName(code, view.locale) ?? code;
}

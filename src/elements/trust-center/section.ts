/**
 * The frame every `<trust-center>` section shares: what a section renderer is given (strings,
 * locale, heading level), the `<section aria-labelledby>` wrapper with its heading, and dates as
 * `<time>`. Links, fact lists and text blocks are the elements' shared templates (../templates.ts).
 */
import { html, type TemplateResult } from 'lit';
import { heading } from '../headings.js';
import { regionName, type Template } from '../i18n.js';
import type { Format11Words } from '../format11.words.js';
import type { CommonWords } from '../words.js';
import type { CENTER_WORDS } from './trust-center.words.js';

/** What a section renderer needs from the element. */
export interface CenterView {
  strings: CommonWords;
  s: typeof CENTER_WORDS;
  locale: string;
  /** Level of the page title; sections are one below it, their items two. */
  level: number;
  formatDate(date: string): string;
  /** `template` filled with `values` in the visitor's language. */
  say(template: Template, values: Record<string, string | number>): string;
  /** The words of format 1.1's fields. */
  f: Format11Words;
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
 * From this many items on (controls, or sub-processors), the parts of the page far off screen are
 * laid out only as they come near (`class="lazy"`: `content-visibility: auto`), so a long posture
 * paints in a fraction of the time (npm run bench: 10,000 of each, about 2.2 s → 0.6 s). Shorter
 * ones are laid out at once: nothing is estimated, so nothing is corrected while scrolling.
 */
export const LONG_LIST = 100;

/**
 * A section and its navigation entry: a `<section>` labelled by its heading; `kind` (by default its
 * id) becomes an extra part name (`section-faq` …), and `children` are its entries' own links.
 */
export function section(view: CenterView, id: string, title: string, content: unknown, kind = id, children?: NavEntry[]): CenterSection {
  return {
    id,
    title,
    children,
    content: html`<section part="section section-${kind}" class="section section-${kind}" id=${id} aria-labelledby=${`${id}-title`}>
      ${heading(view.level + 1, { id: `${id}-title`, part: 'section-title', className: 'section-title', target: true }, title)}
      ${content}
    </section>`,
  };
}

/** A calendar date for people, machine-readable underneath. */
export function time(view: CenterView, date: string): TemplateResult {
  return html`<time datetime=${date}>${view.formatDate(date)}</time>`;
}

/** A country's name in the visitor's language, falling back to its code. */
export function countryName(view: CenterView, code: string): string {
  return regionName(code, view.locale) ?? code;
}

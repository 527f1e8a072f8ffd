/**
 * Heading levels, one way for every element: the page sets an element's top level (its
 * `heading-level` attribute), nested headings go below it, and every level is kept within what
 * HTML has. `<trust-center>` renders real `<hN>` (`heading`); `<subprocessor-list>` renders
 * `role="heading"` with `aria-level` (`roleHeading`), which has the same accessible name and level.
 * Two functions, so an element's file carries only the one it uses.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** An element's `heading-level` attribute as a level from 1 to `max`; anything else (`"two"`, 9) is 2. */
export function headingLevel(value: number, max: number): number {
  const n = Math.round(value);
  return n >= 1 && n <= max ? n : 2;
}

export interface HeadingOptions {
  id?: string;
  part?: string;
  className?: string;
  /** A target of in-page navigation: `tabindex="-1"`, so it can take focus. */
  target?: boolean;
}

/** `level` clamped to what HTML has, 1–6. */
const clamped = (level: number) => Math.min(6, Math.max(1, level));

/** A `<div role="heading" aria-level>` at `level`, clamped to 1–6. */
export function roleHeading(level: number, options: Omit<HeadingOptions, 'target'>, content: unknown): TemplateResult {
  return html`<div id=${ifDefined(options.id)} part=${ifDefined(options.part)} class=${ifDefined(options.className)} role="heading" aria-level=${clamped(level)}>${content}</div>`;
}

/**
 * A heading at `level`, clamped to 1–6. One template per level (rather than lit/static-html, which
 * would add its own code to the bundle).
 */
export function heading(level: number, options: HeadingOptions, content: unknown): TemplateResult {
  const id = ifDefined(options.id);
  const part = ifDefined(options.part);
  const className = ifDefined(options.className);
  const tabindex = options.target ? '-1' : nothing;
  switch (clamped(level)) {
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

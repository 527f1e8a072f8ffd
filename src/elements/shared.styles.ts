/**
 * Styles every trust element shares. Public tokens are `--trust-*` custom properties read once
 * into private `--_*` ones; light and dark come from `color-scheme` through `light-dark()`: the
 * scheme the element inherits from the page (a page that declares none is light; one that declares
 * `light dark` follows the visitor), or the one its `theme` attribute sets.
 */
import { css, unsafeCSS } from 'lit';

export const sharedStyles = css`
  :host {
    --_text: var(--trust-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--trust-color-muted, light-dark(#59636e, #9198a1));
    --_surface: var(--trust-color-surface, light-dark(#ffffff, #0d1117));
    --_border: var(--trust-color-border, light-dark(#d1d9e0, #3d444d));
    --_accent: var(--trust-color-accent, light-dark(#0969da, #4493f8));
    --_verified: var(--trust-color-verified, light-dark(#1a7f37, #3fb950));
    --_warning: var(--trust-color-warning, light-dark(#9a6700, #d29922));
    --_danger: var(--trust-color-danger, light-dark(#d1242f, #f85149));
    --_radius: var(--trust-radius, 0.5rem);
    --_focus: var(--trust-focus-ring, 2px solid var(--_accent));

    /* No color-scheme here: it inherits the page's, so text that sits on the page's own background
       (titles, headings) is dark on a light page and light on a dark one, whatever the visitor prefers. */
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    line-height: 1.5;
    text-align: start;
  }
  /* A right-to-left language reads right to left even on a page that set no dir (its own dir wins);
     every other rule uses logical properties (inline-start …), so the layout mirrors. --_start is the
     side the lines start on, for text whose own direction may differ (below): left unless right to
     left; inherited, so an element inside another's shadow root follows its host. (A host that is
     :dir(rtl) reads right to left already; every browser with light-dark(), used above, has :dir().) */
  :host(:lang(ar):not([dir])),
  :host(:lang(he):not([dir])),
  :host(:lang(fa):not([dir])),
  :host(:dir(rtl)) {
    direction: rtl;
    --_start: right;
  }
  :host([dir='ltr']) {
    --_start: left;
  }
  /* The host element can be restyled by the page (even reset with !important): the rendered root
     takes the text colour itself, so inherited page colours never make the content unreadable. */
  :host > * {
    color: var(--_text);
  }
  /* The host's override. A scheme unlike the page's needs its own background under the text: the
     block elements paint their surface when theme is set (see their styles). */
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  :host([on-error='hide'][state='error']),
  :host([on-error='hide'][state='unverified']),
  :host([on-error='hide'][expired='hide'][state='expired']) {
    display: none !important;
  }
  /* The explanation of "Verified": a button that reads as a link, and its panel (the badge places both over itself). */
  .why {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .explanation {
    flex-basis: 100%;
    max-inline-size: 40em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    line-height: 1.4;
  }
  .explanation p {
    margin: 0 0 0.4em;
  }
  .explanation code {
    overflow-wrap: anywhere;
  }
`;

/**
 * What every element but the badge shows (the badge says all of it in its own box): links, the
 * loading skeleton, the problem box, the seal and the expired warning (templates.ts). Pure, so a
 * bundle without it drops it.
 */
export const sealStyles = /* @__PURE__ */ (() => css`
  /* The tokens the badge does not use. */
  :host {
    --_subtle: var(--trust-color-subtle, light-dark(#f6f8fa, #151b23));
    --_planned: var(--trust-color-planned, light-dark(#6639ba, #ab7df8));
    --_space: var(--trust-space, 1rem);
  }
  a {
    color: var(--_accent);
  }
  /* Within the loading height each element reserves, so nothing moves when the document arrives. */
  .loading {
    display: grid;
    gap: 0.75em;
    padding-block: 0.25em;
  }
  .bone {
    block-size: 0.75em;
    border-radius: 0.25em;
    background: var(--_border);
  }
  .bone:nth-child(3) {
    inline-size: 80%;
  }
  .bone:nth-child(4) {
    inline-size: 55%;
  }
  summary {
    cursor: pointer;
  }
  /* The document's own words keep their reading order on a page in another direction (English on an
     Arabic page, Arabic on an English one): each paragraph, cell, heading or item takes the
     direction of its first letter, as <bdi> does, so "Cloudflare, Inc." keeps its period at its end;
     it stays aligned as the page reads, under its column's heading (physically: Chromium aligns
     "start" and "match-parent" by the text's own direction). Text marked dir="auto" already has its
     own direction, and aligns by it. The elements' own words, in the page's language, read the same
     either way. */
  :is(p, td, th, dd, li, summary, h1, h2, h3, h4, h5, h6, [role='heading']):not([dir]) {
    unicode-bidi: plaintext;
    text-align: var(--_start, left);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .problem {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_surface);
  }
  /* Network trouble is not tampering: neutral grey, not the red of a document that failed its checks. */
  .problem.is-unavailable {
    border-color: var(--_muted);
  }
  .problem.is-expired {
    border-color: var(--_warning);
  }
  .problem p {
    margin: 0 0 0.5em;
  }
  .problem-title {
    font-weight: 600;
  }
  .problem details,
  .seal-key {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .problem code,
  .seal-key code {
    overflow-wrap: anywhere;
  }
  .seal {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 1em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .seal-mark {
    font-weight: 600;
    color: var(--_verified);
  }
  .seal.is-expired .seal-mark,
  .expired-warning {
    color: var(--_warning);
  }
  /* The explanation of "Verified" (issue 15): the seal's button reads as a link, its panel takes a row of its own. */
  .seal-why {
    display: contents;
  }
  .expired-warning {
    border: 2px solid var(--_warning);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) var(--_space);
    font-weight: 600;
    margin: 0 0 var(--_space);
  }
`)();

/** Status colours and icons for controls: never colour alone, always an icon and a word. */
export const STATUS_ICONS: Record<string, string> = { shipped: '✓', 'in-progress': '◐', roadmap: '○', 'not-applicable': '–' };

/**
 * The icon before a status word drawn by CSS (`class="status-icon-shipped"`), for long lists where
 * an icon element per row would cost: the same icons, and hidden from screen readers (the word says it).
 */
export const statusIconStyles = /* @__PURE__ */ (() =>
  unsafeCSS(
    Object.entries(STATUS_ICONS)
      .map(([status, icon]) => `.status-icon-${status}::before{content:"${icon}";content:"${icon}"/""}`)
      .join(''),
  ))();

export const statusStyles = /* @__PURE__ */ (() => css`
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.05em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
  }
  .status-shipped {
    color: var(--_verified);
  }
  .status-in-progress {
    color: var(--_warning);
  }
  .status-roadmap {
    color: var(--_planned);
  }
  .status-not-applicable {
    color: var(--_muted);
  }
`)();

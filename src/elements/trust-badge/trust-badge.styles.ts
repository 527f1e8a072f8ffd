import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    inline-size: var(--trust-badge-width, 17rem);
    /* At least this tall, taller only when the words need it: they are never cut. */
    min-block-size: var(--trust-badge-height, 3.5rem);
    font-size: 0.875rem;
    /* The explanation's button and panel are placed over the badge and the page, from here. */
    position: relative;
  }
  .badge {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-block-size: var(--trust-badge-height, 3.5rem);
    padding: 0.125rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    text-decoration: none;
  }
  a.badge:hover {
    border-color: var(--_accent);
  }
  .mark {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
    color: var(--_surface);
    background: var(--_muted);
    font-weight: 700;
  }
  :host([state='verified']) .mark {
    background: var(--_verified);
  }
  :host([state='expired']) .mark {
    background: var(--_warning);
  }
  :host([state='unverified']) .mark,
  :host([state='error']) .mark {
    background: var(--_danger);
  }
  /* Network trouble is not tampering: a neutral grey mark. */
  .badge.is-unavailable .mark {
    background: var(--_muted);
  }
  .text {
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-inline-size: 0;
    /* Room for a name and two summary lines (or two loading lines), so the text box keeps its place from loading to verified. */
    min-block-size: min(3.1rem, calc(var(--trust-badge-height, 3.5rem) - 0.25rem - 2px));
    line-height: 1.2;
  }
  /* Words wrap, and a long host or name breaks anywhere, rather than being cut with an ellipsis. */
  .line {
    overflow-wrap: anywhere;
  }
  .name {
    font-weight: 600;
  }
  /* Loading: a quiet skeleton of the two lines, in their place (the words are the accessible name). */
  :host([state='loading']) .line::before {
    content: '';
    display: inline-block;
    vertical-align: middle;
    inline-size: 70%;
    block-size: 0.7em;
    border-radius: 0.25em;
    background: var(--_border);
  }
  :host([state='loading']) .summary::before {
    inline-size: 45%;
  }
  /* Its line is kept while empty, so the text does not move when the summary arrives. */
  .summary {
    min-block-size: 1lh;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  /* The explanation's button: over the mark (the same place and size), with a small "?" at its corner. */
  .why {
    position: absolute;
    inset-block-start: calc(50% - 0.875rem);
    inset-inline-start: calc(0.75rem + 1px);
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
  }
  .why-hint {
    position: absolute;
    inset-block-end: -0.3rem;
    inset-inline-end: -0.35rem;
    inline-size: 0.95rem;
    block-size: 0.95rem;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.625rem;
    font-weight: 700;
    line-height: calc(0.95rem - 2px);
  }
  /* The panel lies over the page below the badge, as wide as the badge: nothing around it moves. */
  .explanation {
    position: absolute;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 1000;
    inline-size: 100%;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
    font-size: 0.8125rem;
  }
`;

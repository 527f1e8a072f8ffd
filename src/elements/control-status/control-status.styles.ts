/**
 * Styles of `<control-status>`: one inline badge of a fixed size (`control`), or a list of
 * badges (`category`, or the summary with neither). Public `--trust-control-*` tokens are read
 * once into private `--_*` ones.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    --_width: var(--trust-control-width, 20em);
    --_height: var(--trust-control-height, 1.75em);
    --_list-min-height: var(--trust-control-list-min-height, 5em);
    --_tooltip-width: var(--trust-tooltip-width, 22rem);
    --_shadow: var(--trust-tooltip-shadow, 0 4px 14px rgb(0 0 0 / 0.18));
  }

  /* One control: an inline badge that keeps one size in every state. */
  :host([control]:not([control=''])) {
    display: inline-block;
    vertical-align: middle;
    inline-size: var(--_width);
    max-inline-size: 100%;
    block-size: var(--_height);
    line-height: 1.25;
  }
  /* A list (category or summary): block-level, with room reserved while it loads. */
  :host(:not([control]:not([control='']))) {
    min-block-size: var(--_list-min-height);
  }
  /* A list with an explicit theme, which may differ from the page's: its own surface under its text
     (a single badge has its own box already). */
  :host([theme]:not([control]:not([control='']))) {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .anchor {
    position: relative;
    display: inline-block;
    max-inline-size: 100%;
    vertical-align: middle;
  }
  .single {
    display: block;
    inline-size: 100%;
    block-size: 100%;
  }

  .badge {
    display: flex;
    align-items: center;
    gap: 0.5em;
    block-size: var(--_height);
    max-inline-size: 100%;
    padding-block: 0;
    padding-inline: 0.25em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.875em;
    line-height: 1.25;
    white-space: nowrap;
    overflow: hidden;
    cursor: default;
  }
  .single .badge {
    inline-size: 100%;
    block-size: 100%;
  }
  .badge[tabindex]:hover {
    border-color: var(--_accent);
  }
  .badge:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  /* The status: icon and word in the status colour (statusStyles sets the colour). */
  .pill {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.05em 0.55em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.9em;
    font-weight: 600;
    line-height: 1.3;
  }
  /* Titles line up in a list; the pill's word stays centred in the room. */
  .list .pill {
    min-inline-size: 7.75em;
    justify-content: center;
  }
  .pill.is-problem {
    color: var(--_danger);
  }
  .pill.is-expired {
    color: var(--_warning);
  }
  .pill.is-unavailable,
  .pill.is-loading {
    color: var(--_muted);
  }
  /* One line, with an ellipsis; a clamp rather than nowrap, so a narrow column can still shrink a list. */
  .title {
    flex: 1 1 auto;
    min-inline-size: 0;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 1;
    overflow: hidden;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  /* A single badge has a fixed width anyway: cut anywhere, using all its room. */
  .single .title {
    display: block;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .is-muted .title {
    color: var(--_muted);
  }

  /* The verified mark (a filled disc, unlike the status icons) and the expired mark. */
  .mark {
    flex: none;
    display: inline-grid;
    place-items: center;
    font-weight: 700;
  }
  .mark.is-verified {
    inline-size: 1.3em;
    block-size: 1.3em;
    border-radius: 50%;
    background: var(--_verified);
    color: var(--_surface);
    font-size: 0.85em;
  }
  .mark.is-expired {
    display: inline-flex;
    gap: 0.25em;
    padding: 0.05em 0.5em;
    border-radius: 999px;
    background: var(--_warning);
    color: var(--_surface);
    font-size: 0.9em;
  }

  /* The tooltip: in the top layer (popover) where supported, so no ancestor clips it. */
  .tooltip {
    display: none;
    position: absolute;
    inset-block-start: calc(100% + 6px);
    inset-inline-start: 0;
    z-index: 1000;
    inline-size: max-content;
    max-inline-size: min(var(--_tooltip-width), calc(100vw - 16px));
    margin: 0;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font-size: 0.875em;
    font-weight: normal;
    line-height: 1.4;
    white-space: normal;
    text-align: start;
    overflow: visible;
  }
  .tooltip.open {
    display: block;
  }
  .tooltip[popover] {
    position: fixed;
    inset: auto;
  }
  .tip-line {
    display: block;
  }
  .tip-line + .tip-line {
    margin-block-start: 0.35em;
  }
  .tip-title {
    font-weight: 600;
  }
  .tip-status {
    font-weight: 600;
  }
  .tip-meta,
  .tip-seal {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .tip-seal.is-expired {
    color: var(--_warning);
    font-weight: 600;
  }
  .tip-list {
    margin: 0;
    padding-inline-start: 1.1em;
  }

  /* The lists. */
  .group {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .heading {
    margin: 0;
    font-weight: 600;
  }
  .group-description {
    margin: 0;
    color: var(--_muted);
  }
  .list {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.375em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list > li {
    max-inline-size: 100%;
  }
  .empty {
    margin: 0;
    color: var(--_muted);
  }
`;

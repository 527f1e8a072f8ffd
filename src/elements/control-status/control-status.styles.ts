/**
 * Styles of `<control-status>`: one control (`control`) in running text, sized to its words, or
 * with `layout="block"` one box of a fixed size; or a list of badges (`category`, or the summary
 * with neither). Public `--trust-control-*` tokens are read once into private `--_*` ones.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    --_width: var(--trust-control-width, 20em);
    --_height: var(--trust-control-height, 1.75em);
    --_list-min-height: var(--trust-control-list-min-height, 5em);
    --_loading-width: var(--trust-control-loading-width, 6em);
    --_tooltip-width: var(--trust-tooltip-width, 22rem);
    --_shadow: var(--trust-tooltip-shadow, 0 4px 14px rgb(0 0 0 / 0.18));
  }

  /* One control in running text (the default): it sizes to its words and wraps with the sentence. */
  :host([control]:not([control='']):not([layout='block'])) {
    display: inline;
  }
  /* While loading, its words unknown: a skeleton of a fixed size (the room reserve.css gives it). */
  :host([control]:not([control='']):not([layout='block'])[state='loading']) {
    display: inline-block;
    vertical-align: middle;
    inline-size: var(--_loading-width);
    max-inline-size: 100%;
    block-size: 1.25em;
  }
  .skeleton {
    display: block;
    block-size: 100%;
    border-radius: 999px;
    background: var(--_border);
  }
  /* One control as a box (layout="block", for grids): one size in every state. */
  :host([control]:not([control=''])[layout='block']) {
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
    padding-inline: 0.25em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
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
  /* A control's title is the document's own words: they read in their own direction on a page in
     another (the shared rule covers paragraphs, such as a category's title). */
  .title,
  .tip-title {
    unicode-bidi: plaintext;
    text-align: var(--_start, left);
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

  /* The verified mark (a shield in the neutral colour: it is not a status) and the expired mark. */
  .mark {
    flex: none;
    display: inline-grid;
    place-items: center;
    font-weight: 700;
  }
  .mark.is-verified {
    color: var(--_muted);
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

  /* Inline (the default for one control): the pill, the title and the mark flow with the sentence;
     the title wraps like the words around it, never cut. */
  :host(:not([layout='block'])) .single,
  :host(:not([layout='block'])) .single .badge,
  :host(:not([layout='block'])) .single .title {
    display: inline;
    overflow: visible;
    white-space: normal;
    text-overflow: clip;
  }
  :host(:not([layout='block'])) .single .badge {
    padding: 0;
    border: 0;
    border-radius: 0.25em;
    background: none;
    font-size: inherit;
    line-height: inherit;
  }
  /* Short enough not to make its line taller than the sentence's (which would move the lines below). */
  :host(:not([layout='block'])) .pill {
    vertical-align: 0.05em;
    margin-inline-end: 0.3em;
    font-size: 0.8125em;
    line-height: 1.1;
    white-space: nowrap;
  }
  :host(:not([layout='block'])) .mark {
    display: inline-block;
    vertical-align: -0.125em;
    margin-inline-start: 0.3em;
  }
  /* The shield as a block: the mark is exactly 1em tall, never taller than the line. */
  .mark svg {
    display: block;
  }
  /* A theme unlike the page's: its own surface under its words, as a block badge has. */
  :host([theme]:not([layout='block'])) .single .badge {
    padding-inline: 0.3em;
    background: var(--_surface);
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
  }
  :host([label='status']) .mark.is-verified {
    margin-inline-start: 0;
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
  .tip-title,
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

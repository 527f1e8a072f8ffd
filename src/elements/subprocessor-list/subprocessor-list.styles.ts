/**
 * The styles of `<subprocessor-list>`. Longer than 300 lines because the same rows have two whole
 * layouts: a sortable table, and cards when the element's container is narrow.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    --_header-background: var(--trust-subprocessor-header-background, var(--_subtle));
    --_new: var(--trust-subprocessor-new-color, var(--_verified));
    --_upcoming: var(--trust-subprocessor-upcoming-color, var(--_planned));

    container: subprocessor-list / inline-size;
  }
  :host([state='loading']) {
    min-block-size: var(--trust-subprocessor-loading-height, 10rem);
  }
  /* An explicit theme may differ from the page's: paint the element's own surface under its text. */
  :host([theme]) {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .seal {
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .title {
    margin-block-end: 0.5em;
    font-size: 1.125em;
    font-weight: 600;
  }
  .statement p,
  .disclosure,
  .safeguards,
  .notice,
  .contact {
    margin: 0 0 0.75em;
  }
  .statement ul {
    margin: 0 0 0.75em;
    padding-inline-start: 1.25em;
  }
  .disclosure {
    color: var(--_muted);
  }

  /* Filter */
  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    margin-block: var(--_space) calc(var(--_space) * 0.75);
  }
  .filter label {
    font-weight: 600;
    font-size: 0.875em;
  }
  .filter input {
    flex: 1 1 12rem;
    max-inline-size: 20rem;
    padding: 0.35em 0.6em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* Table */
  /* Fixed layout: the columns' widths come from the header, so a long list is laid out without
     measuring every cell first (about half the layout time of 10,000 rows, npm run bench). */
  table {
    inline-size: 100%;
    table-layout: fixed;
    border-spacing: 0;
  }
  th,
  td {
    padding: 0.6em 0.75em;
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  thead th {
    background: var(--_header-background);
    font-size: 0.875em;
    white-space: nowrap;
  }
  thead th.sortable {
    padding: 0;
  }
  thead th.unsortable {
    padding-block: 0.5em;
  }
  th button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    inline-size: 100%;
    padding: 0.5em 0.75em;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  th button:hover {
    color: var(--_accent);
  }
  .sort-icon {
    color: var(--_muted);
    font-size: 0.75em;
  }
  .is-sorted .sort-icon {
    color: var(--_accent);
  }
  tbody th {
    font-weight: 600;
  }
  .name {
    inline-size: 24%;
  }
  .purpose {
    inline-size: 32%;
  }
  .location {
    inline-size: 20%;
  }
  /* With a legal-entity column, the same room shared by one more column. */
  .has-entity .name,
  .has-entity .entity {
    inline-size: 18%;
  }
  .has-entity .purpose {
    inline-size: 24%;
  }
  .has-entity .location {
    inline-size: 16%;
  }
  .new,
  .optional {
    display: inline-block;
    margin-inline-start: 0.25em;
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_new);
    font-size: 0.75em;
    font-weight: 600;
    vertical-align: 0.1em;
  }
  .optional {
    color: var(--_muted);
  }
  .since,
  .seat {
    display: block;
    color: var(--_muted);
    font-size: 0.8125em;
    font-weight: normal;
  }
  .facts {
    margin: 0.25em 0 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .facts dt,
  .facts dd {
    display: inline;
    margin: 0;
  }
  .facts dt::after {
    content: ': ';
  }
  .locations {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  abbr.country {
    text-decoration: none;
    margin-inline-start: 0.15em;
    padding: 0 0.35em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.5);
    color: var(--_muted);
    font-size: 0.75em;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.05em;
  }
  .none {
    color: var(--_muted);
  }
  .safeguards {
    margin-block-start: var(--_space);
    font-size: 0.875em;
  }
  .notice,
  .contact {
    font-size: 0.875em;
  }

  /* Upcoming changes */
  .upcoming {
    margin-block-start: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_upcoming);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .section-title {
    margin-block-end: 0.5em;
    font-weight: 600;
  }
  .upcoming-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .upcoming-item {
    display: flex;
    flex-direction: column;
    gap: 0.1em;
    padding-block: 0.5em;
  }
  .upcoming-item + .upcoming-item {
    border-block-start: 1px solid var(--_border);
  }
  .kind {
    align-self: flex-start;
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_upcoming);
    font-size: 0.75em;
    font-weight: 600;
  }
  .where {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    font-size: 0.875em;
  }
  .where:empty {
    display: none;
  }
  .dates {
    color: var(--_muted);
    font-size: 0.8125em;
  }

  /* Cards, when the element itself is narrow (a column, or a phone) */
  @container subprocessor-list (max-width: 40rem) {
    table,
    caption,
    thead,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin-block-end: 0.75em;
    }
    thead th,
    thead th.sortable {
      padding: 0;
      border: 0;
      background: none;
    }
    thead th.unsortable {
      display: none;
    }
    th button {
      inline-size: auto;
      padding: 0.25em 0.75em;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_header-background);
    }
    tbody tr {
      margin-block-end: 0.75em;
      padding: 0.75em var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .name,
    .purpose,
    .location,
    .has-entity :is(.name, .entity, .purpose, .location) {
      inline-size: auto;
    }
    tbody th,
    tbody td {
      padding: 0.25em 0;
      border: 0;
    }
    tbody th {
      font-size: 1.0625em;
      padding-block-end: 0.5em;
    }
    tbody td::before {
      content: attr(data-label);
      display: block;
      color: var(--_muted);
      font-size: 0.75em;
      font-weight: 600;
      letter-spacing: 0.02em;
    }
  }
`;

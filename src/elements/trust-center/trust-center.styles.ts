/**
 * The styles of `<trust-center>`. Longer than 300 lines because it lays out a whole page in one
 * shadow root: header, navigation, eleven kinds of section and their narrow and wide layouts (the
 * rules every element shares are in ../shared.styles.ts).
 */
import { css } from 'lit';

export const styles = css`
  :host {
    --_max-width: var(--trust-center-max-width, 72rem);
    --_nav-width: var(--trust-center-nav-width, 14rem);
    --_sticky-top: var(--trust-center-sticky-top, 1rem);

    container: trust-center / inline-size;
    max-inline-size: var(--_max-width);
  }
  :host([state='loading']) {
    min-block-size: var(--trust-center-loading-height, 24rem);
  }
  /* An explicit theme may differ from the page's: paint the element's own surface under its text. */
  :host([theme]) {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* Header */
  .header {
    margin-block-end: calc(var(--_space) * 1.5);
    padding-block-end: var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  .organization {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.6em;
    margin: 0 0 0.25em;
    color: var(--_muted);
  }
  .organization a {
    color: inherit;
    font-weight: 600;
    text-decoration: none;
  }
  .organization a:hover {
    color: var(--_accent);
    text-decoration: underline;
  }
  /* The organization's own mark leads the page, as on hosted trust pages. */
  .logo {
    block-size: 3rem;
    max-inline-size: 12rem;
    object-fit: contain;
  }
  /* The document's own words in a span of their own read in their own direction (see the shared
     rule for paragraphs, cells and headings): "Backups, daily." keeps its period at its end on an
     Arabic page. */
  .control-title,
  .tile-title,
  .legal-name,
  .change-subject {
    unicode-bidi: plaintext;
    text-align: var(--_start, left);
  }
  .legal-name {
    font-size: 0.875em;
  }
  .title {
    margin: 0 0 0.4em;
    font-size: 1.75em;
    line-height: 1.2;
  }
  .header .seal {
    margin-block-end: 0.75em;
  }
  .introduction p {
    max-inline-size: 75ch;
    margin: 0.5em 0 0;
  }

  /* Certifications up front: calm tiles, words only, wrapping to the width */
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: 0.6em;
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: 0;
    list-style: none;
  }
  .tile {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.15em;
    font-size: 0.875em;
  }
  .tile-title {
    font-size: 1.1em;
    font-weight: 600;
  }
  .tile-meta {
    color: var(--_muted);
  }

  /* Layout and navigation */
  .layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .nav {
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    font-size: 0.875em;
  }
  .nav-title {
    margin: 0 0 0.35em;
    font-weight: 600;
    color: var(--_muted);
  }
  .nav ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .nav > ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.15em 1.25em;
  }
  .nav ul ul {
    display: none;
  }
  .nav a {
    display: inline-block;
    padding-block: 0.15em;
    color: var(--_text);
    text-decoration: none;
  }
  .nav a:hover {
    color: var(--_accent);
    text-decoration: underline;
  }
  @container trust-center (min-width: 50rem) {
    .layout {
      grid-template-columns: var(--_nav-width) minmax(0, 1fr);
      align-items: start;
    }
    .nav {
      position: sticky;
      inset-block-start: var(--_sticky-top);
      max-block-size: calc(100vh - 2 * var(--_sticky-top));
      overflow: auto;
    }
    .nav > ul {
      display: block;
    }
    .nav ul ul {
      display: block;
      margin: 0.1em 0 0.3em 0.2em;
      padding-inline-start: 0.75em;
      border-inline-start: 1px solid var(--_border);
    }
    .nav a {
      display: block;
    }
  }
  .sections {
    min-inline-size: 0;
  }

  /* Sections */
  .section,
  .category {
    scroll-margin-block-start: var(--_sticky-top);
  }
  .section {
    margin-block-end: calc(var(--_space) * 2.25);
  }
  .section-title {
    margin: 0 0 0.75em;
    padding-block-end: 0.3em;
    border-block-end: 1px solid var(--_border);
    font-size: 1.3em;
    line-height: 1.3;
  }
  .section > p,
  .body p,
  .answer p {
    max-inline-size: 75ch;
    margin: 0 0 0.75em;
  }
  .bullets {
    margin: 0 0 0.75em;
    padding-inline-start: 1.25em;
  }
  .lead {
    font-weight: 600;
  }
  .meta,
  .note,
  .code {
    color: var(--_muted);
  }
  .meta {
    font-size: 0.875em;
  }
  .note {
    display: block;
    font-size: 0.875em;
  }

  /* Controls and the filter */
  .filter-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    margin-block-end: var(--_space);
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
  }
  .filter-label {
    margin-inline-end: 0.25em;
    font-size: 0.875em;
    font-weight: 600;
  }
  .filter-button {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.2em 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
  }
  .filter-button:hover {
    border-color: var(--_accent);
  }
  .filter-button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_surface);
    font-weight: 600;
  }
  .filter-button[aria-pressed='true'] > * {
    color: inherit;
  }
  .filter-count-badge {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .filter-count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .category {
    margin-block-end: calc(var(--_space) * 1.5);
  }
  /* A long posture (LONG_LIST in section.ts): what is far off screen is laid out when it nears. */
  .lazy {
    content-visibility: auto;
    contain-intrinsic-size: auto 20rem;
  }
  subprocessor-list.lazy {
    contain-intrinsic-size: auto 40rem;
  }
  .category-title {
    margin: 0 0 0.5em;
    font-size: 1.075em;
  }
  .category-description {
    margin: 0 0 0.75em;
    max-inline-size: 75ch;
  }
  .controls,
  .rows {
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .control,
  .row {
    padding: 0.75em 1em;
  }
  .control {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: baseline;
    column-gap: 0.75em;
  }
  .control > :not(.control-title, .status) {
    grid-column: 1 / -1;
  }
  .control + .control,
  .row + .row {
    border-block-start: 1px solid var(--_border);
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 0.75em;
  }
  .control-title,
  .item-title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .control-description,
  .row p,
  .card p {
    margin: 0.35em 0 0;
  }
  .no-match {
    margin: 0;
    padding: 0.6em 1em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* Term / value facts: a line under a control, label over value in cards */
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    margin: 0.5em 0 0;
    font-size: 0.875em;
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.35em;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dt::after {
    content: ':';
  }
  .facts dd {
    margin: 0;
  }
  .card .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: 0.5em 1em;
  }
  .card .facts div {
    display: block;
  }
  .card .facts dt {
    font-size: 0.875em;
  }
  .card .facts dt::after {
    content: none;
  }

  /* Cards: certifications, regions, contacts */
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr));
    align-items: start;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    padding: 0.85em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card .eyebrow {
    margin: 0 0 0.15em;
    color: var(--_muted);
    font-size: 0.75em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .purposes-label {
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .card .bullets {
    margin: 0.2em 0 0;
    font-size: 0.9375em;
  }
  .access,
  .pill {
    display: inline-block;
    padding: 0.05em 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_subtle);
    color: var(--_muted);
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
  }
  .actions {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5em;
  }
  .request-access {
    display: inline-block;
    padding: 0.25em 0.9em;
    border: 1px solid var(--_accent);
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
    text-decoration: none;
  }
  .request-access:hover {
    background: var(--_accent);
    color: var(--_surface);
  }
  .certification-certified {
    color: var(--_verified);
  }
  .certification-in-progress {
    color: var(--_warning);
  }
  .certification-planned {
    color: var(--_planned);
  }
  .certification-aligned {
    color: var(--_accent);
  }
  .certification-lapsed {
    color: var(--_warning);
  }
  .certification-expired {
    color: var(--_danger);
  }

  /* Retention */
  .table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.9375em;
  }
  .table th,
  .table td {
    padding: 0.5em 0.75em;
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }
  .table thead th {
    background: var(--_subtle);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .table tbody th {
    font-weight: 600;
  }

  /* Links, FAQ, change log */
  .link-list {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .faq-item {
    padding-block: 0.6em;
    border-block-end: 1px solid var(--_border);
  }
  .faq-item summary {
    font-weight: 600;
  }
  .answer {
    padding-block-start: 0.5em;
  }
  .changes {
    margin: 0;
    padding: 0;
    list-style: none;
    border-inline-start: 2px solid var(--_border);
  }
  .change {
    padding: 0 0 var(--_space) var(--_space);
  }
  .change p {
    margin: 0.25em 0 0;
  }
  .change-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.6em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .change .change-head {
    margin: 0;
  }
  .change-subject {
    color: var(--_text);
    font-weight: 600;
  }

  /* The embedded list shows this element's document: our seal and warning already stand above it. */
  subprocessor-list::part(seal),
  subprocessor-list::part(subscribe),
  subprocessor-list::part(expired-warning) {
    display: none;
  }

  .footer {
    margin-block-start: calc(var(--_space) * 2);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .footer p {
    margin: 0 0 0.5em;
  }
`;

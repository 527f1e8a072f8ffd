import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    inline-size: var(--trust-badge-width, 17rem);
    block-size: var(--trust-badge-height, 3.5rem);
    font-size: 0.875rem;
  }
  .badge {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    inline-size: 100%;
    block-size: 100%;
    padding: 0 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    text-decoration: none;
    overflow: hidden;
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
  .text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    line-height: 1.25;
  }
  .line {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .name {
    font-weight: 600;
  }
  /* Its line is kept while empty (loading), so the text does not move when the summary arrives. */
  .summary {
    min-block-size: 1lh;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
`;

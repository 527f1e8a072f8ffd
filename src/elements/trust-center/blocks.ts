/** Free text of a posture document — paragraphs with an optional bold lead, and bullet lists — rendered as text. */
import { html, nothing } from 'lit';
import type { Block } from '../../core/read.js';

/** A lead ends in a colon unless it already ends in punctuation: "At rest: AES-256 …". */
const leadText = (lead: string) => (/[.:;!?…]$/.test(lead) ? lead : `${lead}:`);

export function blocks(list: readonly Block[] | undefined): unknown {
  if (!list?.length) return nothing;
  return list.map((block) =>
    block.type === 'paragraph'
      ? html`<p>${block.lead ? html`<strong class="lead">${leadText(block.lead)}</strong> ` : nothing}${block.text}</p>`
      : html`<ul class="bullets">${block.items.map((item) => html`<li>${item}</li>`)}</ul>`,
  );
}

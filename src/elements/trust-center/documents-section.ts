/** The vendor's documents, each with its access mode (public, on request, under NDA) as words, and how to get it. */
import { html, nothing, type TemplateResult } from 'lit';
import type { PostureDocument } from '../../core/read.js';
import { emailLink, rich, safeHref, urlLink } from '../templates.js';
import { section, type CenterSection, type CenterView } from './section.js';

type DocumentEntry = NonNullable<PostureDocument['documents']>[number];

export function documentsSection(view: CenterView, documents: DocumentEntry[]): CenterSection {
  const title = view.s.section.documents;
  const content = html`<ul class="rows">${documents.map((d) => renderDocument(view, d))}</ul>`;
  return section(view, 'documents', title, content);
}

/**
 * "Request access" for what is shared on request or under NDA: a mailto: to the entry's own
 * contact, else its own url (https: or mailto:); nothing when the entry names neither.
 */
export function requestAccess(view: CenterView, entry: { access: string; url?: string; contact?: string }): unknown {
  const href =
    entry.access === 'public'
      ? undefined
      : entry.contact
        ? safeHref(`mailto:${entry.contact.replace(/[?#&%]/g, encodeURIComponent)}`, true)
        : safeHref(entry.url, true);
  return href
    ? html`<a part="request-access" class="request-access" href=${href} rel="noopener noreferrer">${view.s.requestAccess}</a>`
    : nothing;
}

function renderDocument(view: CenterView, d: DocumentEntry): TemplateResult {
  const s = view.s;
  return html`<li part="document" class="row">
    <div class="card-head">
      <span class="item-title">${urlLink(d.url, { label: d.title, mailto: true })}</span>
      <span class="actions"><span part="access" class="access access-${d.access}">${s.access[d.access]}</span> ${requestAccess(view, d)}</span>
    </div>
    ${d.description ? html`<p dir="auto">${rich(d.description)}</p>` : nothing}
    ${d.contact ? html`<p class="meta">${s.requestFrom} ${emailLink(d.contact)}</p>` : nothing}
  </li>`;
}

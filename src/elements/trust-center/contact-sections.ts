/** How to reach the vendor: contacts (role, address, response time, purposes) and its links (status page, disclosure policy …). */
import { html, nothing, type TemplateResult } from 'lit';
import type { Contact, PostureDocument } from '../../core/read.js';
import { heading } from '../headings.js';
import { emailLink, facts, urlLink } from '../templates.js';
import { section, type CenterSection, type CenterView } from './section.js';

type Links = NonNullable<PostureDocument['links']>;
const NAMED_LINKS = ['statusPage', 'vulnerabilityDisclosure', 'securityTxt', 'privacyPolicy', 'terms'] as const;

export function contactsSection(view: CenterView, contacts: Contact[]): CenterSection {
  const title = view.s.section.contacts;
  const content = html`<ul class="cards">${contacts.map((c) => renderContact(view, c))}</ul>`;
  return section(view, 'contacts', title, content);
}

function renderContact(view: CenterView, c: Contact): TemplateResult {
  const s = view.s;
  const role = s.role[c.role];
  return html`<li part="contact" class="card">
    ${c.label ? html`<p class="eyebrow">${role}</p>` : nothing}
    ${heading(view.level + 2, { part: 'item-title', className: 'item-title' }, c.label ?? role)}
    ${facts([
      [s.email, c.email ? emailLink(c.email) : undefined],
      [s.website, c.url ? urlLink(c.url, { mailto: true }) : undefined],
      [s.responseTime, c.responseTime],
    ])}
    ${
      c.purposes?.length
        ? html`<p class="purposes-label">${s.purposes}</p>
          <ul class="bullets">${c.purposes.map((p) => html`<li>${p}</li>`)}</ul>`
        : nothing
    }
  </li>`;
}

/** The named links in a fixed order, then the vendor's others; a link is made only from an https: (others: or mailto:) URL. */
export function linksSection(view: CenterView, links: Links): CenterSection | undefined {
  const s = view.s;
  const entries: TemplateResult[] = [];
  for (const key of NAMED_LINKS) {
    const url = links[key];
    if (url) entries.push(html`<li>${urlLink(url, { label: s.link[key], part: 'link' })}</li>`);
  }
  for (const other of links.other ?? [])
    entries.push(html`<li>${urlLink(other.url, { label: other.title, mailto: true, part: 'link' })}</li>`);
  if (!entries.length) return undefined;
  const title = s.section.links;
  return section(view, 'links', title, html`<ul class="link-list">${entries}</ul>`);
}

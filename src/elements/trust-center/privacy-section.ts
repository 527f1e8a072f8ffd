/**
 * The privacy block (format 1.1): who the controller, the data protection officer and the EU
 * representative are and how to reach them; the vendor's role per data category; the legal bases;
 * the rights offered.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Party, Privacy } from '../../core/read.js';
import { heading } from '../headings.js';
import { emailLink, rich, urlLink } from '../templates.js';
import { countryName, section, type CenterSection, type CenterView } from './section.js';

export function privacySection(view: CenterView, p: Privacy, lang: string | undefined): CenterSection {
  const f = view.f;
  const title = f.privacy;
  const sub = (text: string) => heading(view.level + 2, { part: 'item-title', className: 'item-title' }, text);
  const parties = (
    [
      [f.controller, p.controller],
      [f.dpo, p.dpo],
      [f.euRepresentative, p.euRepresentative],
    ] as const
  ).filter((entry): entry is readonly [string, Party] => !!entry[1]);
  const content = html`<div class="body" lang=${lang ?? nothing}>
    ${parties.length ? html`<ul class="cards">${parties.map(([label, party]) => html`<li part="party" class="card">${sub(label)}${renderParty(view, party)}</li>`)}</ul>` : nothing}
    ${p.roles ? html`${sub(f.roles)}<ul class="bullets">${p.roles.map((r) => html`<li><strong>${r.data}</strong>: ${f.role[r.role]}${r.note ? html` — ${r.note}` : nothing}</li>`)}</ul>` : nothing}
    ${p.legalBases ? html`${sub(f.legalBases)}<ul class="bullets">${p.legalBases.map((b) => html`<li><strong>${f.basis[b.basis]}</strong>: ${b.purpose}${b.data?.length ? html` (${b.data.join(', ')})` : nothing}</li>`)}</ul>` : nothing}
    ${p.rights || p.rightsNote ? html`${sub(f.rights)}${p.rights ? html`<ul class="bullets">${p.rights.map((r) => html`<li>${f.right[r]}</li>`)}</ul>` : nothing}${p.rightsNote ? html`<p>${rich(p.rightsNote)}</p>` : nothing}` : nothing}
  </div>`;
  return section(view, 'privacy', title, content);
}

/** A party: its name and legal name, its address (the country named when the address does not), and how to reach it. */
function renderParty(view: CenterView, party: Party): TemplateResult {
  return html`<p>
    ${party.name}${party.legalName ? html`<br />${party.legalName}` : nothing}
    ${party.address ? html`<br />${party.address}` : nothing}
    ${party.country && !party.address ? html`<br />${countryName(view, party.country)}` : nothing}
    ${party.email ? html`<br />${emailLink(party.email)}` : nothing}
    ${party.url ? html`<br />${urlLink(party.url, { mailto: true })}` : nothing}
  </p>`;
}

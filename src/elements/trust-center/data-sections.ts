/** Where the data lives (residency: summary and regions) and how long it is kept (retention). */
import { html, nothing, type TemplateResult } from 'lit';
import type { PostureDocument } from '../../core/read.js';
import { facts, rich } from '../templates.js';
import { countryName, section, type CenterSection, type CenterView } from './section.js';

type Residency = NonNullable<PostureDocument['residency']>;
type Region = NonNullable<Residency['regions']>[number];
type Retention = NonNullable<PostureDocument['retention']>;

/** Nothing when it has neither a summary nor a region. */
export function residencySection(view: CenterView, residency: Residency): CenterSection | undefined {
  if (!residency.summary && !residency.regions?.length) return undefined;
  const title = view.s.section.residency;
  const content = html`
    ${residency.summary ? html`<p dir="auto">${residency.summary}</p>` : nothing}
    ${residency.regions?.length ? html`<ul class="cards">${residency.regions.map((r) => renderRegion(view, r))}</ul>` : nothing}
  `;
  return section(view, 'residency', title, content);
}

function renderRegion(view: CenterView, region: Region): TemplateResult {
  const s = view.s;
  return html`<li part="region" class="card">
    <div class="card-head">
      <span class="item-title">${region.name}</span>
      ${region.primary ? html`<span class="pill">${s.primary}</span>` : nothing}
    </div>
    ${facts([
      [s.provider, region.provider],
      [s.country, region.country ? html`${countryName(view, region.country)} <span class="code">(${region.country})</span>` : undefined],
      [s.jurisdiction, region.jurisdiction],
      [s.services, region.services?.length ? region.services.join(', ') : undefined],
    ])}
  </li>`;
}

export function retentionSection(view: CenterView, retention: Retention): CenterSection {
  const s = view.s;
  const title = s.section.retention;
  const content = html`<table part="table" class="table">
    <thead>
      <tr><th scope="col">${s.retentionData}</th><th scope="col">${s.retentionPeriod}</th></tr>
    </thead>
    <tbody>
      ${retention.map(
        (r) => html`<tr>
          <th scope="row">${r.data}</th>
          <td>
            ${r.duration ? html`<time datetime=${r.duration}>${r.period}</time>` : r.period}
            ${r.note ? html`<span class="note">${rich(r.note)}</span>` : nothing}
          </td>
        </tr>`,
      )}
    </tbody>
  </table>`;
  return section(view, 'retention', title, content);
}

/**
 * Certifications and attestations: tiles up front (framework, status, kind, period), and the section
 * with auditor, period, scope, and how to get the report.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CERTIFICATION_STATUSES, Certification } from '../../core/read.js';
import { heading } from '../headings.js';
import { emailLink, facts, rich, urlLink } from '../templates.js';
import { requestAccess } from './documents-section.js';
import { section, type CenterSection, type CenterView } from './section.js';

type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/** Never colour alone: each status has its icon and its word. */
const CERTIFICATION_ICONS: Record<CertificationStatus | 'lapsed', string> = {
  lapsed: '◌',
  certified: '✓',
  'in-progress': '◐',
  planned: '○',
  aligned: '≈',
  expired: '✕',
};

export function certificationsSection(view: CenterView, certifications: Certification[]): CenterSection {
  const title = view.s.section.certifications;
  const content = html`<ul class="cards">${certifications.map((c) => renderCertification(view, c))}</ul>`;
  return section(view, 'certifications', title, content);
}

/** Certified, but its audit period has ended: not shown as "✓ Certified" (its dates say so, not the vendor's status word). */
const lapsed = (c: Certification) => c.status === 'certified' && !!c.period && c.period.to < new Date().toISOString().slice(0, 10);

/** Its status mark: icon and word, the word by its dates when lapsed. */
function statusMark(view: CenterView, c: Certification): TemplateResult {
  const status = lapsed(c) ? 'lapsed' : c.status;
  return html`<span part="status" class="status certification-${status}"
    ><span aria-hidden="true">${CERTIFICATION_ICONS[status]}</span> ${status === 'lapsed' ? view.s.lapsed : view.s.certification[status]}</span
  >`;
}

const period = (view: CenterView, c: Certification) =>
  c.period ? view.say(view.s.range, { from: view.formatDate(c.period.from), to: view.formatDate(c.period.to) }) : undefined;

/**
 * What hosted trust pages put first: one tile per certification under the header — framework,
 * status, kind and report type, period — in words, without third-party logos.
 */
export function certificationTiles(view: CenterView, certifications: Certification[]): TemplateResult {
  return html`<ul part="certification-tiles" class="tiles" aria-label=${view.s.section.certifications}>
    ${certifications.map(
      (c) => html`<li part="tile" class="card tile">
        <span class="tile-title">${c.framework}</span>
        ${
          c.kind || c.reportType
            ? html`<span class="tile-meta">${[c.kind ? view.f.kind[c.kind] : '', c.reportType ?? ''].filter(Boolean).join(' · ')}</span>`
            : nothing
        }
        ${statusMark(view, c)} ${c.period ? html`<span class="tile-meta">${period(view, c)}</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

function renderCertification(view: CenterView, c: Certification): TemplateResult {
  const s = view.s;
  return html`<li part="certification" class="card">
    <div class="card-head">
      ${heading(view.level + 2, { part: 'item-title', className: 'item-title' }, c.framework)}
      ${statusMark(view, c)}
    </div>
    ${c.description ? html`<p>${rich(c.description)}</p>` : nothing}
    ${facts([
      [view.f.kindLabel, c.kind ? view.f.kind[c.kind] : undefined],
      [view.f.reportType, c.reportType],
      [s.auditor, c.auditor],
      [view.f.auditCadence, c.cadence ? view.f.cadence[c.cadence] : undefined],
      [s.period, period(view, c)],
      [s.scope, c.scope],
      [s.report, c.report ? renderReport(view, c.report) : undefined],
    ])}
  </li>`;
}

function renderReport(view: CenterView, report: NonNullable<Certification['report']>): TemplateResult {
  const s = view.s;
  return html`<span part="access" class="access access-${report.access}">${s.access[report.access]}</span>
    ${report.url?.startsWith('mailto:') ? html` <span class="request">${s.requestFrom} ${urlLink(report.url, { mailto: true })}</span>` : nothing}
    ${report.url && !report.url.startsWith('mailto:') ? html` ${urlLink(report.url, { label: s.viewReport })}` : nothing}
    ${report.contact ? html` <span class="request">${s.requestFrom} ${emailLink(report.contact)}</span>` : nothing}
    ${requestAccess(view, report)}`;
}

/** Certifications and attestations: framework, status, auditor, period, scope, and how to get the report. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CERTIFICATION_STATUSES, Certification } from '../../core/read.js';
import { heading } from '../headings.js';
import { emailLink, facts, rich, urlLink } from '../templates.js';
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
  return { id: 'certifications', title, content: section(view, 'certifications', 'certifications', title, content) };
}

/** Certified, but its audit period has ended: not shown as "✓ Certified" (its dates say so, not the vendor's status word). */
const lapsed = (c: Certification) => c.status === 'certified' && !!c.period && c.period.to < new Date().toISOString().slice(0, 10);

function renderCertification(view: CenterView, c: Certification): TemplateResult {
  const s = view.s;
  const status = lapsed(c) ? 'lapsed' : c.status;
  return html`<li part="certification" class="card">
    <div class="card-head">
      ${heading(view.level + 2, { part: 'item-title', className: 'item-title' }, c.framework)}
      <span part="status" class="status certification-${status}"
        ><span aria-hidden="true">${CERTIFICATION_ICONS[status]}</span> ${status === 'lapsed' ? s.lapsed : s.certification[status]}</span
      >
    </div>
    ${c.description ? html`<p>${rich(c.description)}</p>` : nothing}
    ${facts([
      [view.f.kindLabel, c.kind ? view.f.kind[c.kind] : undefined],
      [view.f.reportType, c.reportType],
      [s.auditor, c.auditor],
      [view.f.auditCadence, c.cadence ? view.f.cadence[c.cadence] : undefined],
      [s.period, c.period ? view.say(s.range, { from: view.formatDate(c.period.from), to: view.formatDate(c.period.to) }) : undefined],
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
    ${report.contact ? html` <span class="request">${s.requestFrom} ${emailLink(report.contact)}</span>` : nothing}`;
}

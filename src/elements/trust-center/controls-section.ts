/** The control categories: every control with its status (icon, word and colour), and a filter by status. */
import { html, nothing, type TemplateResult } from 'lit';
import { CONTROL_STATUSES, type Control, type ControlCategory, type ControlStatus } from '../../core/read.js';
import { STATUS_ICONS } from '../shared.styles.js';
import { heading } from '../headings.js';
import { facts, rich } from '../templates.js';
import { LONG_LIST, section, time, type CenterSection, type CenterView } from './section.js';

/** `all`, or the one status whose controls are shown. */
export type StatusFilter = ControlStatus | 'all';

export const categoryId = (category: ControlCategory) => `category-${category.id}`;

/** A control's status as icon (drawn by `statusIconStyles`) and word, in its colour. */
export function statusBadge(view: CenterView, status: ControlStatus): TemplateResult {
  return html`<span part="status" class="status status-${status} status-icon-${status}">${view.strings.status[status]}</span>`;
}

export function controlsSection(
  view: CenterView,
  categories: ControlCategory[],
  filter: StatusFilter,
  onFilter: (status: StatusFilter) => void,
  evidence: Map<string, string> = new Map(),
): CenterSection {
  const s = view.s;
  const all = categories.flatMap((c) => c.controls);
  const present = CONTROL_STATUSES.filter((status) => all.some((c) => c.status === status));
  // Without a filter to change it (one status only), a preset filter would hide controls for good.
  const active: StatusFilter = present.length > 1 ? filter : 'all';
  const matches = (c: Control) => active === 'all' || c.status === active;
  const shown = all.filter(matches).length;
  const title = s.section.categories;
  const content = html`
    ${
      present.length > 1
        ? html`<div class="filter-bar">
          <div part="filter" class="filter" role="group" aria-labelledby="filter-label">
            <span id="filter-label" class="filter-label">${s.filter}</span>
            ${(['all', ...present] as StatusFilter[]).map((status) => {
              const count = status === 'all' ? all.length : all.filter((c) => c.status === status).length;
              return html`<button part="filter-button" type="button" class="filter-button" data-status=${status} aria-pressed=${active === status ? 'true' : 'false'} @click=${() => onFilter(status)}>
                ${status === 'all' ? nothing : html`<span class="status-${status}" aria-hidden="true">${STATUS_ICONS[status]}</span>`}
                ${status === 'all' ? s.all : view.strings.status[status]}
                <span class="filter-count-badge">${count}</span>
              </button>`;
            })}
          </div>
          <p part="filter-count" class="filter-count" role="status">${view.say(s.showing, { shown, n: all.length })}</p>
        </div>`
        : nothing
    }
    ${categories.map((category) => {
      const id = categoryId(category);
      const controls = category.controls.filter(matches);
      return html`<section part="category" class=${all.length >= LONG_LIST ? 'category lazy' : 'category'} id=${id} aria-labelledby=${`${id}-title`}>
        ${heading(view.level + 2, { id: `${id}-title`, part: 'category-title', className: 'category-title', target: true }, category.title)}
        ${category.description ? html`<p class="category-description" dir="auto">${rich(category.description)}</p>` : nothing}
        ${
          controls.length
            ? html`<ul class="controls">${controls.map((control) => renderControl(view, control, evidence))}</ul>`
            : html`<p part="no-match" class="no-match">${s.noMatch}</p>`
        }
      </section>`;
    })}
  `;
  const children = categories.map((c) => ({ id: categoryId(c), title: c.title }));
  return section(view, 'controls', title, content, 'controls', children);
}

function renderControl(view: CenterView, control: Control, evidence: Map<string, string>): TemplateResult {
  const s = view.s;
  const f = view.f;
  const recurring = control.recurring;
  // Title and status side by side, then description and facts: a grid, no wrapper elements.
  return html`<li part="control" class="control" data-status=${control.status}>
    <span part="control-title" class="control-title">${control.title}</span>
    ${statusBadge(view, control.status)}
    ${control.description ? html`<p class="control-description" dir="auto">${rich(control.description)}</p>` : nothing}
    ${facts([
      [s.target, control.target],
      [s.controlUpdated, control.updated ? time(view, control.updated) : undefined],
      [f.availability, control.availability],
      [f.recurring, recurring ? [f.cadence[recurring.cadence], recurring.provider].filter(Boolean).join(', ') : undefined],
      [f.lastPerformed, recurring?.lastPerformed ? time(view, recurring.lastPerformed) : undefined],
      [f.evidence, control.evidence?.map((id) => evidence.get(id) ?? id).join(', ')],
    ])}
  </li>`;
}

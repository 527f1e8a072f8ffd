/** The change log: date, type, subject, summary and effective date of each change, in the document's order. */
import { html, nothing } from 'lit';
import type { PostureDocument } from '../../core/read.js';
import { section, time, type CenterSection, type CenterView } from './section.js';

type Changelog = NonNullable<PostureDocument['changelog']>;

export function changelogSection(view: CenterView, changes: Changelog): CenterSection {
  const s = view.s;
  const title = s.section.changelog;
  const content = html`<ol class="changes">
    ${changes.map(
      (c) => html`<li part="change" class="change">
        <p class="change-head">
          ${time(view, c.date)}
          <span class="pill">${s.change[c.type]}</span>
          ${c.subject ? html`<span class="change-subject">${c.subject}</span>` : nothing}
        </p>
        <p>${c.summary}</p>
        ${c.effective ? html`<p class="meta">${view.say(s.effective, { date: view.formatDate(c.effective) })}</p>` : nothing}
      </li>`,
    )}
  </ol>`;
  return section(view, 'changelog', title, content);
}

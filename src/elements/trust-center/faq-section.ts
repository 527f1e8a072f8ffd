/** Frequently asked questions, each a disclosure widget with its answer. */
import { html } from 'lit';
import type { PostureDocument } from '../../core/read.js';
import { blocks } from '../templates.js';
import { section, type CenterSection, type CenterView } from './section.js';

type Faq = NonNullable<PostureDocument['faq']>;

export function faqSection(view: CenterView, faq: Faq): CenterSection {
  const title = view.s.section.faq;
  const content = html`${faq.map(
    (entry) => html`<details part="faq-item" class="faq-item">
      <summary>${entry.question}</summary>
      <div class="answer">${blocks(entry.answer)}</div>
    </details>`,
  )}`;
  return section(view, 'faq', title, content);
}

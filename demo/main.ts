/**
 * A plain demo page: loads every demo document with the core loader, which verifies it in this
 * browser, and shows what verified — or why a document was refused. The custom elements replace it.
 */
import { loadPosture, type LoadedPosture, PostureError } from '../src/core/index.js';

const STATUS_LABELS: Record<string, string> = { shipped: '✔ Shipped', 'in-progress': '◐ In progress', roadmap: '○ Roadmap', 'not-applicable': '– N/A' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const listOf = (items: string[]) => {
  const list = el('ul');
  for (const item of items) list.append(el('li', item));
  return list;
};

function renderVerified(article: HTMLElement, posture: LoadedPosture) {
  const doc = posture.document;
  article.classList.add('verified');
  article.append(
    el('h2', doc.organization.name),
    el('p', `✔ Verified: signed by ${new URL(posture.issuer).host} (key ${posture.signers[0]!.thumbprint.slice(0, 12)}…), updated ${doc.updated}, expires ${posture.expires.toLocaleDateString()}.`, 'seal'),
  );
  for (const category of doc.categories ?? []) {
    article.append(el('h3', category.title));
    const list = el('ul');
    for (const control of category.controls) {
      const item = el('li');
      item.append(el('span', STATUS_LABELS[control.status], 'status'), ` ${control.title}`);
      list.append(item);
    }
    article.append(list);
  }
  const subs = doc.subprocessors;
  if (subs) {
    article.append(el('h3', 'Sub-processors'));
    if (subs.entries?.length) {
      const list = el('ul');
      for (const s of subs.entries) list.append(el('li', `${s.name} — ${s.purpose}${s.locations ? ` (${s.locations.map((l) => l.name).join('; ')})` : ''}`));
      article.append(list);
    } else {
      article.append(el('p', `Withheld (${subs.disclosure}).`));
    }
  }
  for (const statement of doc.statements ?? []) {
    article.append(el('h3', statement.title));
    for (const block of statement.body) {
      if (block.type === 'paragraph') article.append(el('p', block.lead ? `${block.lead}: ${block.text}` : block.text));
      else article.append(listOf(block.items));
    }
  }
}

async function show(url: string) {
  const article = el('article');
  article.append(el('p', `Loading ${url}…`));
  document.getElementById('documents')!.append(article);
  try {
    const posture = await loadPosture(url);
    article.replaceChildren();
    renderVerified(article, posture);
  } catch (error) {
    article.replaceChildren();
    article.classList.add('failed');
    const code = error instanceof PostureError ? error.code : 'error';
    article.append(el('h2', url), el('p', `✘ Not verified (${code}): ${(error as Error).message}`, 'seal'), el('p', 'Nothing from this document is shown.'));
  }
}

const urls = (await (await fetch('/demo-documents.json')).json()) as string[];
await Promise.all(urls.map(show));

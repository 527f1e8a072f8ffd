/**
 * The static trust-center page `publish` writes: the `<trust-center>` pre-rendered into declarative
 * shadow DOM from the document `publish` verified, so it reads without JavaScript and to search
 * engines (title, description, canonical URL, Open Graph, an Organization in JSON-LD); then the
 * element script verifies the same document in the browser and the live `<trust-center>` takes
 * its place. Node only.
 *
 * The pre-rendered copy is a sibling of the live element, under tag names no script defines
 * (`trust-center-static`, `subprocessor-list-static`), so nothing upgrades it and no script byte
 * is needed for it. The page's CSS shows it until the live element has a result: verified (same
 * layout, so nothing moves) or a failure (which then shows alone: a tampered copy never stays on
 * screen). Without JavaScript, or when the script cannot load, the copy stays, and its seal says
 * "not verified on this page yet", never "verified".
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import type { VerifiedPosture } from '../core/read.js';
import { StaticSubprocessorList, StaticTrustCenter, withPosture } from './elements.js';

export interface PageOptions {
  /** The document's URL as the page loads it (root-relative, so the page verifies the very file beside it). */
  documentUrl: string;
  /** The element script, and its Subresource Integrity hash. */
  script: { src: string; integrity: string };
  /** The page's own public URL, for `<link rel="canonical">` and Open Graph. */
  canonical: string;
  /** The change feeds to announce with `<link rel="alternate">`. */
  feeds?: { atom: string; json: string };
  /** A stylesheet of the vendor's to link (colours, fonts: `--trust-*` custom properties). */
  stylesheet?: string;
}

/** Marks a page that publish wrote (and may therefore replace). */
export const GENERATOR_META = '<meta name="generator" content="trust-elements publish">';

/** Text and attribute values from the document, escaped for HTML. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON inside `<script>`: no `<` at all, so no `</script>` or `<!--` can end or change it. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

const STATIC_CENTER = 'trust-center-static';
const STATIC_LIST = 'subprocessor-list-static';

let defined = false;
/**
 * The pre-rendering classes in the DOM shim's registry that Lit SSR renders from: the list under
 * its real name, since the trust center's template embeds `<subprocessor-list>` (renamed after).
 */
function defineStatic(): void {
  if (defined) return;
  customElements.define(STATIC_CENTER, StaticTrustCenter);
  customElements.define('subprocessor-list', StaticSubprocessorList);
  defined = true;
}

/**
 * The embedded list renamed in the rendered HTML: its tags, and its name in the trust center's
 * style sheets. Document text is escaped (`&lt;`), so `<subprocessor-list` is only ever a tag.
 * The hosts lose the `state` the elements reflect: the copy has no verification state.
 */
function renameStatic(rendered: string): string {
  return rendered
    .replace(/<(\/?)subprocessor-list(?=[\s>])/g, `<$1${STATIC_LIST}`)
    .replace(/<style>[\s\S]*?<\/style>/g, (css) => css.replace(/(?<![\w-])subprocessor-list(?![\w-])/g, STATIC_LIST))
    .replace(new RegExp(`<(${STATIC_CENTER}|${STATIC_LIST})\\b[^>]*>`, 'g'), (tag) => tag.replace(/ state="loading"/, ''));
}

/**
 * The live element stands hidden until it has a result; then the copy goes. Listed states, not
 * `:not([state=loading])`: before its first update the live element has no `state` yet.
 */
const SWAP_CSS = `
  trust-center:not([state='verified'], [state='expired'], [state='unverified'], [state='error']) { display: none; }
  trust-center:is([state='verified'], [state='expired'], [state='unverified'], [state='error']) ~ ${STATIC_CENTER} { display: none; }
  ${STATIC_CENTER} { display: block; }`;

/** The page's description: the introduction's first paragraph, else what the page is. */
export function pageDescription(posture: VerifiedPosture): string {
  const doc = posture.document;
  const first = doc.introduction?.find((block) => block.type === 'paragraph');
  const text = first && first.type === 'paragraph' ? [first.lead, first.text].filter(Boolean).join(' ') : '';
  return cut(text || `Security, privacy and sub-processors of ${doc.organization.name}, signed by ${new URL(doc.issuer).host}.`, 200);
}

/** schema.org Organization: what the document says of the organization and its contacts. */
function organizationJsonLd(posture: VerifiedPosture): Record<string, unknown> {
  const doc = posture.document;
  const org = doc.organization;
  const contacts = (doc.contacts ?? [])
    .filter((c) => c.email || c.url)
    .map((c) => ({
      '@type': 'ContactPoint',
      contactType: c.label ?? c.role,
      ...(c.email ? { email: c.email } : {}),
      ...(c.url ? { url: c.url } : {}),
    }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: org.name,
    ...(org.legalName ? { legalName: org.legalName } : {}),
    ...(org.url ? { url: org.url } : {}),
    ...(org.logo?.startsWith('https:') ? { logo: org.logo } : {}),
    ...(contacts.length ? { contactPoint: contacts } : {}),
  };
}

/** The whole page, as HTML. */
export function renderPage(posture: VerifiedPosture, options: PageOptions): string {
  defineStatic();
  const doc = posture.document;
  const lang = doc.language ?? 'en';
  const title = doc.title ? `${doc.title} — ${doc.organization.name}` : `${doc.organization.name} — Trust Center`;
  const description = pageDescription(posture);
  const copy = withPosture(posture, lang, () =>
    collectResultSync(render(html`<trust-center-static heading-level="1"></trust-center-static>`)),
  );
  const e = escapeHtml;
  const feeds = options.feeds;
  return `<!doctype html>
<html lang="${e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${GENERATOR_META}
<title>${e(title)}</title>
<meta name="description" content="${e(description)}">
<link rel="canonical" href="${e(options.canonical)}">
<meta property="og:type" content="website">
<meta property="og:title" content="${e(title)}">
<meta property="og:description" content="${e(description)}">
<meta property="og:url" content="${e(options.canonical)}">
<meta property="og:site_name" content="${e(doc.organization.name)}">
${doc.organization.logo?.startsWith('https:') ? `<meta property="og:image" content="${e(doc.organization.logo)}">\n` : ''}${
    feeds
      ? `<link rel="alternate" type="application/atom+xml" title="${e(doc.organization.name)}: changes" href="${e(feeds.atom)}">
<link rel="alternate" type="application/feed+json" title="${e(doc.organization.name)}: changes" href="${e(feeds.json)}">\n`
      : ''
  }<script type="application/ld+json">
${scriptJson(organizationJsonLd(posture))}
</script>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; }
  main { max-width: 72rem; margin: 0 auto; padding: 2rem 1rem; }${SWAP_CSS}
</style>
${options.stylesheet ? `<link rel="stylesheet" href="${e(options.stylesheet)}">\n` : ''}<script type="module" src="${e(options.script.src)}" integrity="${e(options.script.integrity)}" crossorigin="anonymous"></script>
</head>
<body>
<main>
<trust-center src="${e(options.documentUrl)}" heading-level="1"></trust-center>
${renameStatic(copy)}
</main>
</body>
</html>
`;
}

/**
 * The pieces every element renders the same way: the loading message, the problem box, the seal,
 * the expired warning, links (made only through `safeHref`), fact lists and the document's text
 * blocks. Untrusted text goes in only through Lit text and attribute bindings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { escapeForDisplay, type Block, type Rich, type VerifiedPosture } from '../core/read.js';
import type { PostureProblem } from './context.js';
import { problemKind, problemLook } from './problems.js';
import { formatDate, say } from './i18n.js';
import type { CommonWords } from './words.js';

/** Problem text shown to people (messages and URLs, partly from documents and servers) is cut to this many characters. */
const MAX_SHOWN = 300;

/** `text` as the problem box shows it: control and bidi characters as visible escapes, cut to `MAX_SHOWN` characters. */
export function shownText(text: string): string {
  const escaped = escapeForDisplay(text);
  return escaped.length > MAX_SHOWN ? `${escaped.slice(0, MAX_SHOWN - 1)}…` : escaped;
}

/** A link only from an https: (or, for contacts, mailto:) URL; anything else stays text. */
export function safeHref(url: string | undefined, allowMailto = false): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (allowMailto && parsed.protocol === 'mailto:') ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Loading: a quiet skeleton of three lines; the words are for screen readers only. */
export function loadingMessage(s: CommonWords): TemplateResult {
  return html`<div part="loading" class="loading" role="status">
    <span class="visually-hidden">${s.loading}</span><span class="bone"></span><span class="bone"></span><span class="bone"></span>
  </div>`;
}

/** What is shown instead of the document: the visitor's explanation, and the technical details (with the document's URL) folded away. */
export function problemBox(s: CommonWords, problem: PostureProblem, source: string | undefined): TemplateResult {
  const look = problemLook(problem.code);
  return html`<div part="problem" class="problem is-${look}" role="alert">
    <p class="problem-title"><span aria-hidden="true">${look === 'unavailable' ? 'ℹ' : '⚠'} </span>${s.problem[problemKind(problem.code)]}</p>
    <p>${s.tellOwner}</p>
    <details part="details">
      <summary>${s.technical}</summary>
      <p><code>${problem.code}</code>: ${shownText(problem.message)}${source ? html`<br />${shownText(source)}` : nothing}</p>
    </details>
  </div>`;
}

/**
 * Who signed, worded by what was checked: only discovery (the keys at the issuer's origin) proves
 * the issuer's domain; with a pin or a key set the page named, the domain is the key holder's claim.
 */
export const signedBy = (s: CommonWords, posture: VerifiedPosture): string =>
  posture.trustedBy === 'pin'
    ? posture.announced
      ? s.signedByAnnounced
      : s.signedByPin
    : posture.trustedBy === 'keys'
      ? s.signedByKeys
      : say('en', s.signedBy, { host: new URL(posture.issuer).host });

/**
 * The seal: verified mark, who signed (signedBy), updated and expiry dates, key id on demand, and
 * `why` (the explanation of "Verified": its button and panel).
 */
export function seal(s: CommonWords, locale: string, posture: VerifiedPosture, expired: boolean, why: unknown = nothing): TemplateResult {
  const signer = signedBy(s, posture);
  return html`<div part="seal" class="seal ${expired ? 'is-expired' : 'is-verified'}">
    <span class="seal-mark"><span aria-hidden="true">${expired ? '⚠' : '✓'}</span> ${expired ? s.expired : s.verified}</span>
    <span>${signer}</span>
    ${
      posture.document.updated === 'undated'
        ? nothing
        : html`<span>${say(locale, s.updated, { date: formatDate(posture.document.updated, locale) })}</span>`
    }
    <span>${say(locale, expired ? s.expiredOn : s.expires, { date: formatDate(posture.expires, locale) })}</span>
    <details class="seal-key">
      <summary>${s.keyId}</summary>
      <code>${posture.signers.map((k) => k.thumbprint).join(' ')}</code>
    </details>
    ${why}
  </div>`;
}

/** The link to the document's change feed, when it names one (`links.feed`, https: only). */
export function subscribeLink(s: CommonWords, posture: VerifiedPosture): unknown {
  const href = safeHref(posture.document.links?.feed);
  return href ? html`<p part="subscribe" class="subscribe"><a href=${href} rel="alternate">${s.subscribe}</a></p>` : nothing;
}

/** The warning above expired content. */
export function expiredWarning(s: CommonWords, locale: string, posture: VerifiedPosture): TemplateResult {
  return html`<p part="expired-warning" class="expired-warning" role="alert">
    <span aria-hidden="true">⚠ </span>${say(locale, s.expiredWarning, { date: formatDate(posture.expires, locale) })}
  </p>`;
}

/** An e-mail address as a mailto: link (text when it cannot be one). */
export function emailLink(email: string): unknown {
  const href = safeHref(`mailto:${email.replace(/[?#&%]/g, encodeURIComponent)}`, true);
  return href ? html`<a href=${href}>${email}</a>` : email;
}

/** A link from an https: (or, when allowed, mailto:) URL, showing `label` or a readable form of the URL; nothing otherwise. */
export function urlLink(url: string | undefined, options: { label?: unknown; mailto?: boolean; part?: string } = {}): unknown {
  const href = safeHref(url, options.mailto);
  if (!href) return options.label ?? nothing;
  return html`<a href=${href} part=${ifDefined(options.part)} rel="noopener noreferrer">${options.label ?? readableUrl(href)}</a>`;
}

/** `https://example.com/trust/` → `example.com/trust`; `mailto:a@b.c` → `a@b.c`. */
export function readableUrl(href: string): string {
  const url = new URL(href);
  if (url.protocol === 'mailto:') return decodeURIComponent(url.pathname);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.host}${path}${url.search}`;
}

/** Term / value pairs as a definition list; a pair whose value is missing is left out. */
export function facts(rows: [string, unknown][]): unknown {
  const present = rows.filter(([, value]) => value !== undefined && value !== nothing && value !== '');
  if (!present.length) return nothing;
  return html`<dl class="facts">${present.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
}

/** A lead ends in a colon unless it already ends in punctuation: "At rest: AES-256 …". */
const leadText = (lead: string) => (/[.:;!?…]$/.test(lead) ? lead : `${lead}:`);

type Run = string | { text: string; em?: boolean; href?: string };

/** One run: text, emphasis, or a link (https: or mailto: only; any other URL stays text). */
const run = (r: Run): unknown =>
  typeof r === 'string' ? r : r.href ? urlLink(r.href, { label: r.text, mailto: true }) : r.em ? html`<em>${r.text}</em>` : r.text;

/** Text of a document (format 1.1): a string, or runs and bullet lists, made into DOM nodes, never parsed as markup. */
export function rich(value: Rich | undefined): unknown {
  if (typeof value !== 'object') return value ?? nothing;
  return value.map((part) =>
    typeof part === 'object' && 'list' in part
      ? html`<ul class="bullets">${part.list.map((line) => html`<li>${rich(line)}</li>`)}</ul>`
      : run(part),
  );
}

/** The same text as one plain string, for a tooltip or a sort key. */
export function plainText(value: Rich | undefined): string {
  if (typeof value !== 'object') return value ?? '';
  return value.map((part) => (typeof part === 'string' ? part : 'list' in part ? part.list.map(plainText).join('; ') : part.text)).join('');
}

/**
 * Free text of a posture document — paragraphs with an optional bold lead, and bullet lists — as
 * text. `<trust-center>` ends a lead in a colon; `<subprocessor-list>` (`colon` false) shows it as written.
 */
export function blocks(list: readonly Block[] | undefined, colon = true): unknown {
  if (!list?.length) return nothing;
  // dir="auto": the document's own text reads in its own direction on a page in another (English on an Arabic page).
  return list.map((block) =>
    block.type === 'paragraph'
      ? html`<p dir="auto">${block.lead ? html`<strong class="lead">${colon ? leadText(block.lead) : block.lead}</strong> ` : nothing}${rich(block.text)}</p>`
      : html`<ul class="bullets">${block.items.map((item) => html`<li dir="auto">${rich(item)}</li>`)}</ul>`,
  );
}

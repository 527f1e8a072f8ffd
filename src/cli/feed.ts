/**
 * The change feeds `publish` writes beside the static page: Atom (RFC 4287) and JSON Feed 1.1.
 * Entries come from the document's change log and, for each release, from `diff` against the
 * version that was published before it (so a changed sub-processor makes an entry even when the
 * change log says nothing). Earlier releases' entries are carried over from the feed already in
 * the folder, which is how the feed remembers more than the last two versions.
 */
import { createHash } from 'node:crypto';
import { WELL_KNOWN_DOCUMENT, type PostureDocument } from '../core/index.js';
import { excerpt } from './display.js';
import { diffPostures, type ListDiff } from './posture-diff.js';

export const FEED_ATOM = 'feed.atom';
export const FEED_JSON = 'feed.json';
/** How many entries a feed keeps, newest first. */
export const FEED_LIMIT = 100;
/** Marks a feed file that publish wrote (and may therefore replace). */
export const FEED_GENERATOR = 'trust-elements publish';

export interface FeedEntry {
  id: string;
  title: string;
  /** An RFC 3339 instant. */
  updated: string;
  /** Plain text, one change per line. */
  text: string;
}

export interface FeedMeta {
  title: string;
  /** The static page the entries link to. */
  page: string;
  atomUrl: string;
  jsonUrl: string;
  author: string;
  language?: string | undefined;
}

type Item = Record<string, unknown>;
const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const isObject = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The id of a release entry: the published document's URL and its sequence. */
const releaseId = (doc: PostureDocument, sequence: number) => `${doc.issuer}${WELL_KNOWN_DOCUMENT}#sequence-${sequence}`;

/** Change-log entries of the document, each with an id from its content (stable across releases). */
export function changelogEntries(doc: PostureDocument): FeedEntry[] {
  return (doc.changelog ?? []).map((change) => {
    const hash = createHash('sha256')
      .update(JSON.stringify([change.date, change.type, change.subject, change.summary]))
      .digest('hex');
    const lines = [change.summary, change.effective ? `Effective ${change.effective}.` : ''].filter(Boolean);
    return {
      id: `${doc.issuer}${WELL_KNOWN_DOCUMENT}#change-${change.date}-${hash.slice(0, 16)}`,
      title: excerpt(change.subject ? `${change.subject}: ${change.summary}` : change.summary, 140),
      updated: `${change.date}T00:00:00Z`,
      text: lines.join('\n'),
    };
  });
}

/** A line per change of one list: "Sub-processor added: Stripe — Payments". */
function listLines(what: string, list: ListDiff, label: (item: Item) => string): string[] {
  return [
    ...list.added.map((item) => `${what} added: ${label(item)}`),
    ...list.removed.map((item) => `${what} removed: ${label(item)}`),
    ...list.changed.map(
      (c) =>
        `${what} changed: ${label(c.new)} (${c.fields.map((f) => (typeof f.old === 'string' && typeof f.new === 'string' ? `${f.field}: ${f.old} → ${f.new}` : f.field)).join('; ')})`,
    ),
  ];
}

/**
 * The entry for a release: what `diff` finds between the previously published document and this
 * one; none when nothing changed, or when nothing was published before (a first version is no change).
 */
export function releaseEntry(before: unknown, after: PostureDocument): FeedEntry | undefined {
  if (before === undefined) return undefined;
  const d = diffPostures(before, after);
  const sub = (i: Item) => `${str(i.name, '(no name)')}${typeof i.purpose === 'string' ? ` — ${i.purpose}` : ''}`;
  const lines = [
    ...listLines('Sub-processor', d.subprocessors, sub),
    ...listLines(
      'Planned sub-processor',
      d.planned,
      (i) => `${sub(i)}${typeof i.effective === 'string' ? ` (effective ${i.effective})` : ''}`,
    ),
    ...listLines('Control', d.controls, (i) => `${str(i.title, str(i.id))}${typeof i.status === 'string' ? ` (${i.status})` : ''}`),
    ...listLines(
      'Certification',
      d.certifications,
      (i) => `${str(i.framework, str(i.id))}${typeof i.status === 'string' ? ` (${i.status})` : ''}`,
    ),
    ...listLines('Contact', d.contacts, (i) => `${str(i.role)}${typeof i.label === 'string' ? ` (${i.label})` : ''}`),
  ];
  if (!lines.length) return undefined;
  const title = lines.length === 1 ? lines[0]! : `${lines.length} changes: ${lines[0]!}; …`;
  return { id: releaseId(after, after.sequence), title: excerpt(title, 140), updated: after.issued, text: lines.join('\n') };
}

/**
 * The release entries of an earlier feed.json that publish wrote, up to this document's sequence
 * (the entry of this very release is replaced when it is made anew). Anything unexpected is skipped.
 */
export function carriedEntries(feedJson: string | undefined, doc: PostureDocument): FeedEntry[] {
  if (feedJson === undefined) return [];
  let feed: unknown;
  try {
    feed = JSON.parse(feedJson);
  } catch {
    return [];
  }
  if (!isObject(feed) || !Array.isArray(feed.items)) return [];
  const prefix = `${doc.issuer}${WELL_KNOWN_DOCUMENT}#sequence-`;
  return feed.items.filter(isObject).flatMap((item) => {
    const id = str(item.id);
    const sequence = Number(id.slice(prefix.length));
    if (!id.startsWith(prefix) || !Number.isSafeInteger(sequence) || sequence > doc.sequence) return [];
    const updated = str(item.date_modified, str(item.date_published));
    if (Number.isNaN(Date.parse(updated)) || typeof item.title !== 'string' || typeof item.content_text !== 'string') return [];
    return [{ id, title: item.title, updated, text: item.content_text }];
  });
}

/** The entries to publish: newest first, one per id (the later wins), at most FEED_LIMIT. */
export function feedEntries(lists: FeedEntry[][]): FeedEntry[] {
  const byId = new Map<string, FeedEntry>();
  for (const entry of lists.flat()) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated) || a.id.localeCompare(b.id)).slice(0, FEED_LIMIT);
}

/**
 * Text for XML: the five special characters escaped, and what XML 1.0 cannot carry at all
 * (control characters but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.
 */
export function xmlText(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const latest = (entries: FeedEntry[], fallback: string) =>
  entries.reduce((max, e) => (Date.parse(e.updated) > Date.parse(max) ? e.updated : max), fallback);

/** The Atom feed (RFC 4287). */
export function atomFeed(meta: FeedMeta, entries: FeedEntry[], fallbackUpdated: string): string {
  const x = xmlText;
  const lang = meta.language ? ` xml:lang="${x(meta.language)}"` : '';
  const items = entries.map(
    (e) => `  <entry>
    <id>${x(e.id)}</id>
    <title type="text">${x(e.title)}</title>
    <updated>${x(e.updated)}</updated>
    <link rel="alternate" type="text/html" href="${x(meta.page)}"/>
    <content type="text">${x(e.text)}</content>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${lang}>
  <id>${x(meta.atomUrl)}</id>
  <title type="text">${x(meta.title)}</title>
  <updated>${x(latest(entries, fallbackUpdated))}</updated>
  <author><name>${x(meta.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${x(meta.atomUrl)}"/>
  <link rel="alternate" type="text/html" href="${x(meta.page)}"/>
  <generator>${FEED_GENERATOR}</generator>
${items.join('')}</feed>
`;
}

/** The JSON Feed (version 1.1); `_trust_elements` (an extension, as the spec allows) marks it as publish's. */
export function jsonFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.page,
    feed_url: meta.jsonUrl,
    ...(meta.language ? { language: meta.language } : {}),
    authors: [{ name: meta.author }],
    _trust_elements: { generator: FEED_GENERATOR },
    items: entries.map((e) => ({ id: e.id, url: meta.page, title: e.title, content_text: e.text, date_published: e.updated })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/**
 * `<subprocessor-list>`: the vendor's sub-processors as a sortable, filterable table.
 * Longer than 300 lines because the table, its filter, sorting, groups, optional columns and the
 * upcoming changes share one state and one set of rows.
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Block, PlannedSubprocessor, PostureDocument, Subprocessor, VerifiedPosture } from '../../core/read.js';
import { headingLevel, roleHeading } from '../headings.js';
import { PostureBlockElement } from '../posture-block-element.js';
import { sealStyles, sharedStyles } from '../shared.styles.js';
import { formatList, regionName } from '../i18n.js';
import { blocks, emailLink, facts, rich, subscribeLink, urlLink } from '../templates.js';
import { styles } from './subprocessor-list.styles.js';
import { SUBPROCESSOR_WORDS } from './subprocessor-list.words.js';

type SubprocessorStrings = typeof SUBPROCESSOR_WORDS;

type SortKey = 'name' | 'purpose' | 'location' | 'entity';
type SortDirection = 'ascending' | 'descending';
type ChangeEntry = NonNullable<PostureDocument['changelog']>[number];
type SubprocessorChange = ChangeEntry & { type: keyof SubprocessorStrings['change'] };
type Location = NonNullable<Subprocessor['locations']>[number];

const DAY = 86_400_000;
/** Which optional columns the table has: only those some row fills (no column of "Not stated"). */
interface Columns {
  entity: boolean;
  safeguard: boolean;
  /** The list's own safeguard statement, which a row without one falls under. */
  listWide: boolean;
}
const SORT_ICONS: Record<SortDirection | 'none', string> = { ascending: '▲', descending: '▼', none: '↕' };

/** `YYYY-MM-DD` of an instant, in UTC like the dates the elements display. */
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const isSubprocessorChange = (change: ChangeEntry): change is SubprocessorChange => change.type.startsWith('subprocessor-');

/**
 * The vendor's sub-processors as a real table — sortable by name, purpose and location, filterable
 * by text — that turns into cards when its container is narrow. Recently added entries carry a
 * "New" mark; planned sub-processors and announced changes still in their notice period are shown
 * apart, under "Upcoming changes". When the list is not public (NDA, on request) or empty, the
 * vendor's statement and contact are shown instead of an empty table.
 *
 * @tagname subprocessor-list
 * @summary Verified list of a vendor's sub-processors.
 *
 * @attr recent-days - An entry whose `since` date lies within this many days is marked "New" (default 90).
 * @attr heading-level - Level (1–6) of the list's title heading (default 2); "Upcoming changes" is one level below.
 *
 * @csspart loading - The loading message.
 * @csspart problem - The explanation shown instead of the list when it cannot be shown.
 * @csspart details - The technical details of a problem.
 * @csspart expired-warning - The warning above an expired document's list.
 * @csspart seal - The verification seal: signer, updated and expiry dates.
 * @csspart explain - The seal's "What does “Verified” mean?" button (Enter, Space or a click opens it; Escape closes it).
 * @csspart explanation - What the button opens: who signed, what the signature proves and what it does not, the expiry, how to check it yourself.
 * @csspart title - The list's title, a heading at `heading-level`.
 * @csspart statement - The vendor's statement about its sub-processors.
 * @csspart disclosure - The sentence saying the list is shared on request, under NDA, or is empty.
 * @csspart filter - The filter box: label, text field and count.
 * @csspart filter-input - The filter's text field.
 * @csspart count - How many sub-processors the filter shows (a polite live region).
 * @csspart table - The table.
 * @csspart caption - The table's caption: it names the table for screen readers and is visually hidden, since `title` shows the same words above the filter.
 * @csspart header - A column header cell.
 * @csspart sort-button - The button in a column header that sorts by that column.
 * @csspart row - One sub-processor: a table row, or a card when the element is narrow (see `--trust-subprocessor-card-width`).
 * @csspart name - The sub-processor's name cell (a link when its URL is https:).
 * @csspart cell - Every other cell: legal entity, purpose, location, safeguard (the legal entity and safeguard columns only when some row has one).
 * @csspart new-badge - The "New" mark on a recently added sub-processor.
 * @csspart optional-badge - The "Optional" mark on a sub-processor used only in some cases (its condition is beside its purpose).
 * @csspart scope - What the list covers: products, plans or agreements.
 * @csspart group - One group of sub-processors (third parties, affiliates …): its heading, its statement and its table.
 * @csspart group-title - A group's heading, one level below the title.
 * @csspart safeguards - The list-level sentence about transfer safeguards.
 * @csspart notice - The notice period for changes.
 * @csspart contact - The contact address.
 * @csspart subscribe - The link to the document's change feed (when it names one in `links.feed`).
 * @csspart upcoming - The "Upcoming changes" section.
 * @csspart upcoming-item - One planned sub-processor or announced change.
 *
 * @cssproperty --trust-subprocessor-header-background - Background of the column headers (default: the subtle surface colour).
 * @cssproperty --trust-subprocessor-new-color - Colour of the "New" mark (default: the verified colour).
 * @cssproperty --trust-subprocessor-upcoming-color - Accent of the "Upcoming changes" section (default: the planned colour).
 * @cssproperty --trust-subprocessor-loading-height - Space reserved while loading (default 10rem).
 * @cssproperty --trust-color-text - Text colour.
 * @cssproperty --trust-color-muted - Secondary text (labels, dates, country codes).
 * @cssproperty --trust-color-surface - Background of the cards and fields.
 * @cssproperty --trust-color-subtle - Default header background.
 * @cssproperty --trust-color-border - Rules, card and field borders.
 * @cssproperty --trust-color-accent - Links and the sorted column's mark.
 * @cssproperty --trust-color-verified - The seal's verified mark and the default "New" colour.
 * @cssproperty --trust-color-warning - The expired seal and warning.
 * @cssproperty --trust-color-danger - The border of a problem message.
 * @cssproperty --trust-color-planned - Default accent of "Upcoming changes".
 * @cssproperty --trust-radius - Corner radius of cards, fields and marks.
 * @cssproperty --trust-space - Base spacing.
 * @cssproperty --trust-focus-ring - Outline of the focused control.
 *
 * The cards layout applies when the element's own width is at most 40rem (a container query on
 * the host, named `subprocessor-list`), so it works in a narrow column as well as on a phone.
 */
export class SubprocessorListElement extends PostureBlockElement {
  static override styles = [sharedStyles, sealStyles, styles];

  /** Lit's reactive properties, besides the base's. */
  static override properties: PropertyDeclarations = {
    recentDays: { type: Number, attribute: 'recent-days' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    sortKey: { state: true, attribute: false },
    sortDirection: { state: true, attribute: false },
    query: { state: true, attribute: false },
  };

  /** An entry whose `since` date lies within this many days is marked "New". */
  recentDays = 90;

  /** Level (1–6) of the list's title; "Upcoming changes" is one level below. */
  headingLevel = 2;

  private sortKey?: SortKey;
  private sortDirection: SortDirection = 'ascending';
  private query = '';

  private get subStrings(): SubprocessorStrings {
    return this.words(SUBPROCESSOR_WORDS, 'subprocessors');
  }

  private get level(): number {
    return headingLevel(this.headingLevel, 6);
  }

  /** Sorts by `key`; the same column again reverses the order. */
  private sortBy(key: SortKey) {
    this.sortDirection = this.sortKey === key && this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    this.sortKey = key;
  }

  protected override renderPosture(posture: VerifiedPosture, expired: boolean): unknown {
    const doc = posture.document;
    const list = doc.subprocessors;
    const today = isoDay(Date.now());
    const rows = this.currentRows(list?.entries ?? [], list?.planned ?? [], today);
    const upcoming = this.renderUpcoming(doc, today);
    const s = this.subStrings;
    const showTable = rows.length > 0;
    const disclosure = list?.disclosure ?? 'public';
    const noticeDays = list?.noticeDays ?? list?.notice?.days;
    const notice = list?.notice;
    const title = this.say(s.title, { org: doc.organization.name });
    return html`
      ${expired ? this.renderExpiredWarning(posture) : nothing}
      ${this.renderSeal(posture, expired)}
      ${roleHeading(this.level, { part: 'title', className: 'title' }, title)}
      ${list?.statement ? html`<div part="statement" class="statement" lang=${doc.language ?? nothing}>${blocks(list.statement, false)}</div>` : nothing}
      ${list?.scope ? html`<p part="scope" class="scope" lang=${doc.language ?? nothing}><strong>${s.scope}:</strong> ${rich(list.scope)}</p>` : nothing}
      ${!showTable || disclosure !== 'public' ? html`<p part="disclosure" class="disclosure">${s.disclosure[disclosure]}</p>` : nothing}
      ${showTable ? this.renderTables(rows, doc, today, title) : nothing}
      ${list?.safeguards ? html`<p part="safeguards" class="safeguards"><strong>${s.safeguards}:</strong> <bdi>${list.safeguards}</bdi></p>` : nothing}
      ${
        noticeDays !== undefined || notice
          ? html`<p part="notice" class="notice">
            ${noticeDays !== undefined ? this.say(s.notice, { n: noticeDays }) : nothing}
            ${
              notice?.changes
                ? this.say(s.noticeFor, {
                    kinds: formatList(
                      notice.changes.map((c) => s.noticeChange[c]),
                      this.locale,
                    ),
                  })
                : nothing
            }
            ${notice?.subscribe ? urlLink(notice.subscribe, { label: s.subscribe, mailto: true }) : nothing}
            ${notice?.feed ? urlLink(notice.feed, { label: s.feed }) : nothing}
            ${notice?.email ? html`${s.subscribe}: ${emailLink(notice.email)}` : nothing}
          </p>`
          : nothing
      }
      ${list?.contact ? html`<p part="contact" class="contact"><strong>${s.contact}:</strong> ${emailLink(list.contact)}</p>` : nothing}
      ${subscribeLink(this.strings, posture)} ${upcoming}
    `;
  }

  /** The entries in effect today: the list, plus planned ones whose effective date has passed. */
  private currentRows(entries: Subprocessor[], planned: PlannedSubprocessor[], today: string): Subprocessor[] {
    const seen = new Set(entries.map((e) => `${e.name}\u0000${e.purpose}`.toLowerCase()));
    const arrived = planned
      .filter((p) => p.effective <= today && !seen.has(`${p.name}\u0000${p.purpose}`.toLowerCase()))
      .map(({ announced: _a, effective, ...entry }): Subprocessor => ({ ...entry, since: entry.since ?? effective }));
    return [...entries, ...arrived];
  }

  /** The filter, then one table captioned `title` — or, when the list has groups, a headed table per group (entries of no group last). */
  private renderTables(all: Subprocessor[], doc: PostureDocument, today: string, title: string): TemplateResult {
    const s = this.subStrings;
    const list = doc.subprocessors!;
    const rows = this.sorted(this.filtered(all));
    // A page's recent-days="soon" (NaN) or 1e12 would make an invalid date: fall back, or clamp.
    const days = Number.isFinite(this.recentDays) ? Math.min(Math.max(this.recentDays, 0), 36_500) : 90;
    const cutoff = isoDay(Date.parse(`${today}T00:00:00Z`) - days * DAY);
    const columns: Columns = {
      entity: all.some((e) => e.legalName || e.corporateLocation),
      safeguard: all.some((e) => e.safeguard),
      listWide: !!list.safeguards,
    };
    const groups = list.groups ?? [];
    const known = new Set(groups.map((g) => g.id));
    const rest = rows.filter((e) => !e.group || !known.has(e.group));
    return html`
      <div part="filter" class="filter">
        <label for="filter">${s.filter}</label>
        <input id="filter" part="filter-input" type="search" autocomplete="off" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        <p part="count" class="count" role="status">${rows.length ? this.say(s.count, { shown: rows.length, n: all.length }) : s.noMatch}</p>
      </div>
      ${
        groups.length
          ? html`${groups.map((g) =>
              this.renderGroup(
                g.title,
                g.statement,
                rows.filter((e) => e.group === g.id),
                columns,
                cutoff,
                doc,
              ),
            )}
            ${rest.length ? this.renderGroup(s.otherGroup, undefined, rest, columns, cutoff, doc) : nothing}`
          : this.renderTable(rows, title, columns, cutoff)
      }
    `;
  }

  /** A group: its heading, its own statement, its table (a group the filter empties is left out). */
  private renderGroup(
    title: string,
    statement: Block[] | undefined,
    rows: Subprocessor[],
    columns: Columns,
    cutoff: string,
    doc: PostureDocument,
  ): unknown {
    if (!rows.length) return nothing;
    return html`<section part="group" class="group">
      ${roleHeading(this.level + 1, { part: 'group-title', className: 'section-title' }, title)}
      ${statement ? html`<div part="statement" class="statement" lang=${doc.language ?? nothing}>${blocks(statement, false)}</div>` : nothing}
      ${this.renderTable(rows, title, columns, cutoff)}
    </section>`;
  }

  private renderTable(rows: Subprocessor[], caption: string, columns: Columns, cutoff: string): TemplateResult {
    const s = this.subStrings;
    const labels: Record<SortKey, string> = { name: s.name, purpose: s.purpose, location: s.location, entity: s.entity };
    const keys: SortKey[] = columns.entity ? ['name', 'entity', 'purpose', 'location'] : ['name', 'purpose', 'location'];
    return html`
      <table part="table" class=${columns.entity ? 'has-entity' : nothing}>
        <caption part="caption"><span class="visually-hidden">${caption}</span></caption>
        <thead>
          <tr>
            ${keys.map((key) => {
              const sorted = this.sortKey === key ? this.sortDirection : undefined;
              return html`<th part="header" scope="col" class="sortable ${key}${sorted ? ' is-sorted' : ''}" aria-sort=${sorted ?? nothing}>
                <button part="sort-button" type="button" @click=${() => this.sortBy(key)}>
                  ${labels[key]}<span class="sort-icon" aria-hidden="true">${SORT_ICONS[sorted ?? 'none']}</span>
                </button>
              </th>`;
            })}
            ${columns.safeguard ? html`<th part="header" scope="col" class="unsortable">${s.safeguard}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map((entry) => this.renderRow(entry, entry.since !== undefined && entry.since >= cutoff, s, this.locale, columns))}
        </tbody>
      </table>
    `;
  }

  /**
   * One row, with as few elements as the facts need (a list may have thousands): the cards' labels
   * are the cells' `data-label` (shown by a `::before`), a single location is text, "not stated" a word.
   */
  private renderRow(entry: Subprocessor, isNew: boolean, s: SubprocessorStrings, locale: string, columns: Columns): TemplateResult {
    const optional = entry.optional || entry.condition;
    const seat = entry.corporateLocation;
    return html`<tr part="row" class=${optional ? 'is-optional' : nothing}>
      <th part="name" scope="row" class="name">${this.renderName(entry)}${isNew ? html` <span part="new-badge" class="new">${s.newMark}</span>` : nothing}${optional ? html` <span part="optional-badge" class="optional">${s.optional}</span>` : nothing}${entry.since ? html`<span class="since">${this.say(s.since, { date: this.formatDate(entry.since) })}</span>` : nothing}</th>
      ${columns.entity ? html`<td part="cell" class="entity" data-label=${s.entity}>${entry.legalName ?? nothing}${seat ? html`<span class="seat">${this.location(seat, locale)}</span>` : nothing}</td>` : nothing}
      <td part="cell" class="purpose" data-label=${s.purpose}>${entry.purpose}${this.renderFacts(entry)}</td>
      <td part="cell" class=${entry.locations?.length ? 'location' : 'location none'} data-label=${s.location}>${this.renderLocations(entry, s, locale)}</td>
      ${columns.safeguard ? html`<td part="cell" class=${entry.safeguard ? 'safeguard' : 'safeguard none'} data-label=${s.safeguard}>${entry.safeguard ?? (columns.listWide ? s.listWide : s.notStated)}</td>` : nothing}
    </tr>`;
  }

  /** A place, with its country code (its name as a tooltip). */
  private location(l: Location, locale: string): unknown {
    return html`${l.name}${l.country ? html` <abbr class="country" title=${regionName(l.country, locale) ?? nothing}>${l.country}</abbr>` : nothing}`;
  }

  private renderName(entry: Subprocessor): unknown {
    return urlLink(entry.url, { label: entry.name });
  }

  /** Category (when it says more than the purpose), services and data, as a small definition list. */
  private renderFacts(entry: Subprocessor): unknown {
    const s = this.subStrings;
    return facts([
      [s.category, entry.category?.toLowerCase() !== entry.purpose.toLowerCase() ? entry.category : undefined],
      [s.services, entry.services?.join(', ')],
      [s.data, entry.data?.join(', ')],
      [s.optional, entry.condition],
    ]);
  }

  /** One location as text, several as a list; each country code with its name as a tooltip. */
  private renderLocations(entry: Subprocessor, s: SubprocessorStrings, locale: string): unknown {
    const locations = entry.locations ?? [];
    if (!locations.length) return s.notStated;
    return locations.length === 1
      ? this.location(locations[0]!, locale)
      : html`<ul class="locations">${locations.map((l) => html`<li>${this.location(l, locale)}</li>`)}</ul>`;
  }

  /** Planned sub-processors and announced changes that have not taken effect yet, soonest first. */
  private renderUpcoming(doc: PostureDocument, today: string): unknown {
    const s = this.subStrings;
    const planned = (doc.subprocessors?.planned ?? []).filter((p) => p.effective > today);
    const changes = (doc.changelog ?? []).filter(isSubprocessorChange).filter((c) => c.effective !== undefined && c.effective > today);
    const items = [
      ...planned.map((p) => ({ effective: p.effective, content: this.renderPlanned(p) })),
      ...changes.map((c) => ({ effective: c.effective!, content: this.renderChange(c) })),
    ].sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
    if (!items.length) return nothing;
    return html`<section part="upcoming" class="upcoming" aria-labelledby="upcoming-title">
      ${roleHeading(this.level + 1, { id: 'upcoming-title', className: 'section-title' }, s.upcoming)}
      <ul class="upcoming-list">
        ${items.map((item) => html`<li part="upcoming-item" class="upcoming-item">${item.content}</li>`)}
      </ul>
    </section>`;
  }

  private renderPlanned(p: PlannedSubprocessor): TemplateResult {
    const s = this.subStrings;
    const locations = (p.locations ?? []).map((l) => (l.country ? `${l.name} (${l.country})` : l.name)).join('; ');
    return html`<span class="kind">${s.planned}</span>
      <span class="what"><strong>${this.renderName(p)}</strong> — ${p.purpose}</span>
      ${this.renderFacts(p)}
      <span class="where">
        ${locations ? html`<span>${s.location}: ${locations}</span>` : nothing}
        ${p.safeguard ? html`<span>${s.safeguard}: ${p.safeguard}</span>` : nothing}
      </span>
      <span class="dates">${p.announced ? html`${this.say(s.announced, { date: this.formatDate(p.announced) })} · ` : nothing}${this.say(s.effective, { date: this.formatDate(p.effective) })}</span>`;
  }

  private renderChange(c: SubprocessorChange): TemplateResult {
    const s = this.subStrings;
    return html`<span class="kind">${s.change[c.type]}</span>
      <span class="what">${c.subject ? html`<strong>${c.subject}</strong> — ` : nothing}${c.summary}</span>
      <span class="dates">${this.say(s.announced, { date: this.formatDate(c.date) })} · ${this.say(s.effective, { date: this.formatDate(c.effective!) })}</span>`;
  }

  /** Entries matching every word of the filter, in name, purpose, category, services, data or location. */
  private filtered(rows: Subprocessor[]): Subprocessor[] {
    const words = this.fold(this.query).split(/\s+/).filter(Boolean);
    if (!words.length) return rows;
    return rows.filter((e) => {
      const text = this.fold(
        [
          e.name,
          e.purpose,
          e.category ?? '',
          ...(e.services ?? []),
          ...(e.data ?? []),
          ...(e.locations ?? []).flatMap((l) => [l.name, l.country ?? '']),
          e.legalName ?? '',
          e.condition ?? '',
          e.corporateLocation?.name ?? '',
        ].join('\n'),
      );
      return words.every((w) => text.includes(w));
    });
  }

  /** Case- and accent-insensitive text, so "zurich" finds "Zürich". */
  private fold(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(this.locale);
  }

  /** Sorted by the chosen column; entries that compare equal keep the document's order (the sort is stable). */
  private sorted(rows: Subprocessor[]): Subprocessor[] {
    const key = this.sortKey;
    if (!key) return rows;
    const collator = new Intl.Collator(this.locale, { sensitivity: 'base', numeric: true });
    const value = (e: Subprocessor) =>
      key === 'location' ? (e.locations?.[0]?.name ?? '') : key === 'entity' ? (e.legalName ?? e.corporateLocation?.name ?? '') : e[key];
    const sign = this.sortDirection === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (!x !== !y) return x ? -1 : 1; // entries without a location go last, either way
      return sign * collator.compare(x, y);
    });
  }
}

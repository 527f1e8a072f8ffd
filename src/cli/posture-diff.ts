/**
 * What changed between two posture documents, for customers: sub-processors (in use and
 * planned), control statuses, certifications and contacts. Works on any JSON value (the
 * documents are read, not verified, and may be drafts), and checks the notice the document
 * promises for new sub-processors (`subprocessors.noticeDays`).
 */
import { DAY_MS } from './time.js';

type Item = Record<string, unknown>;

const isObject = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Item[] => (Array.isArray(v) ? v.filter(isObject) : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface Changed {
  /** What names the item to a reader: a sub-processor's name, a control's id. */
  key: string;
  old: Item;
  new: Item;
  fields: FieldChange[];
}

export interface ListDiff {
  added: Item[];
  removed: Item[];
  changed: Changed[];
}

/** A new sub-processor with less notice than the document promises. */
export interface NoticeShortfall {
  name: string;
  /** Days between its announcement and the date it takes (or took) effect. */
  noticeDays: number;
  promisedDays: number;
  effective: string;
  /** How the notice was counted, in words. */
  reason: string;
}

export interface PostureDiff {
  subprocessors: ListDiff;
  planned: ListDiff;
  controls: ListDiff;
  certifications: ListDiff;
  contacts: ListDiff;
  notice: NoticeShortfall[];
}

/** Items matched by key: added, removed, and those whose fields differ (field by field). */
function diffList(before: Item[], after: Item[], keyOf: (item: Item, index: number) => string): ListDiff {
  const index = (list: Item[]) => {
    const map = new Map<string, Item>();
    list.forEach((item, i) => {
      let key = keyOf(item, i);
      // Two items with one key (a draft may have them) are kept apart, in order.
      for (let n = 2; map.has(key); n++) key = `${keyOf(item, i)} (${n})`;
      map.set(key, item);
    });
    return map;
  };
  const a = index(before);
  const b = index(after);
  const changed: Changed[] = [];
  for (const [key, item] of b) {
    const old = a.get(key);
    if (!old || same(old, item)) continue;
    const names = [...new Set([...Object.keys(old), ...Object.keys(item)])];
    const fields = names.filter((f) => !same(old[f], item[f])).map((f) => ({ field: f, old: old[f], new: item[f] }));
    changed.push({ key, old, new: item, fields });
  }
  return {
    added: [...b].filter(([key]) => !a.has(key)).map(([, item]) => item),
    removed: [...a].filter(([key]) => !b.has(key)).map(([, item]) => item),
    changed,
  };
}

/** A sub-processor is matched by `id` where it has one, else by its name (case and spacing aside). */
export const subprocessorKey = (item: Item, i: number): string =>
  text(item.id) ?? text(item.name)?.trim().replace(/\s+/g, ' ').toLowerCase() ?? `#${i + 1}`;

const controlsOf = (doc: Item): Item[] =>
  items(doc.categories).flatMap((category) => items(category.controls).map((control) => ({ ...control, category: category.id })));

const days = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The day a document was published, for notice counted from it: its `updated`, else its `issued` day. */
const publishedOn = (doc: Item): string | undefined => text(doc.updated) ?? text(doc.issued)?.slice(0, 10);

/**
 * New sub-processors whose notice is shorter than `noticeDays` of the new document: one now in
 * use that was not planned before (no notice, counted to the new document's date), or planned
 * with an `effective` date fewer days after its `announced` date (else after the date of the
 * document that first listed it).
 */
function noticeShortfalls(before: Item, after: Item, diff: { subprocessors: ListDiff; planned: ListDiff }): NoticeShortfall[] {
  const sp = isObject(after.subprocessors) ? after.subprocessors : {};
  // Format 1.1 also says it in the notice policy.
  const policy = isObject(sp.notice) ? sp.notice.days : undefined;
  const promised = typeof sp.noticeDays === 'number' ? sp.noticeDays : typeof policy === 'number' ? policy : undefined;
  if (promised === undefined || promised === 0) return [];
  const wasPlanned = new Map(
    items(isObject(before.subprocessors) ? before.subprocessors.planned : []).map((p, i) => [subprocessorKey(p, i), p]),
  );
  const out: NoticeShortfall[] = [];
  const check = (item: Item, announced: string | undefined, effective: string | undefined, how: string) => {
    if (announced === undefined || effective === undefined || Number.isNaN(days(announced, effective))) return;
    const given = days(announced, effective);
    if (given < promised)
      out.push({ name: text(item.name) ?? '(no name)', noticeDays: given, promisedDays: promised, effective, reason: how });
  };
  for (const [i, item] of diff.subprocessors.added.entries()) {
    const planned = wasPlanned.get(subprocessorKey(item, i));
    const now = publishedOn(after);
    if (planned) {
      const announced = text(planned.announced) ?? publishedOn(before);
      check(item, announced, text(planned.effective), `announced ${announced}, effective ${text(planned.effective)}`);
    } else {
      check(item, now, now, 'in use without being announced as planned');
    }
  }
  for (const item of diff.planned.added) {
    const announced = text(item.announced) ?? publishedOn(after);
    check(item, announced, text(item.effective), `announced ${announced}, effective ${text(item.effective)}`);
  }
  return out;
}

export function diffPostures(before: unknown, after: unknown): PostureDiff {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  const sp = (doc: Item, list: 'entries' | 'planned') => items(isObject(doc.subprocessors) ? doc.subprocessors[list] : []);
  const subprocessors = diffList(sp(a, 'entries'), sp(b, 'entries'), subprocessorKey);
  const planned = diffList(sp(a, 'planned'), sp(b, 'planned'), subprocessorKey);
  // A planned sub-processor that is now in use is an addition, not also a planned one withdrawn.
  const nowInUse = new Set(subprocessors.added.map(subprocessorKey));
  planned.removed = planned.removed.filter((item, i) => !nowInUse.has(subprocessorKey(item, i)));
  const byId = (item: Item, i: number) => text(item.id) ?? `#${i + 1}`;
  const diff = {
    subprocessors,
    planned,
    controls: diffList(controlsOf(a), controlsOf(b), byId),
    certifications: diffList(items(a.certifications), items(b.certifications), byId),
    contacts: diffList(
      items(a.contacts),
      items(b.contacts),
      (c) => [text(c.role), text(c.label)].filter(Boolean).join(': ') || '(no role)',
    ),
  };
  return { ...diff, notice: noticeShortfalls(a, b, diff) };
}

export const isEmpty = (d: PostureDiff): boolean =>
  [d.subprocessors, d.planned, d.controls, d.certifications, d.contacts].every(
    (l) => l.added.length + l.removed.length + l.changed.length === 0,
  );

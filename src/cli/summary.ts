/**
 * What `verify` and `inspect` show of a document: the headline fields and counts of its
 * contents. Works on any JSON value, since `inspect` shows documents that were not verified.
 */
import { CONTROL_STATUSES, CERTIFICATION_STATUSES } from '../core/index.js';
import { excerpt } from './display.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const array = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 shipped, 1 roadmap", in the format's order of statuses, then any unknown ones. */
function byStatus(items: unknown[], order: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const status = isObject(item) && typeof item.status === 'string' ? item.status : '(no status)';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const keys = [...order.filter((k) => counts.has(k)), ...[...counts.keys()].filter((k) => !order.includes(k))];
  return keys.map((k) => `${counts.get(k)} ${excerpt(k, 40)}`).join(', ');
}

/** Rows (`label`, `value`) describing what a document holds; empty parts are left out. */
export function contentRows(doc: unknown): [string, string][] {
  const d = isObject(doc) ? doc : {};
  const rows: [string, string][] = [];
  const categories = array(d.categories);
  const controls = categories.flatMap((c) => (isObject(c) ? array(c.controls) : []));
  if (controls.length || categories.length) {
    rows.push([
      'controls',
      `${plural(controls.length, 'control')} in ${plural(categories.length, 'category', 'categories')}${controls.length ? `: ${byStatus(controls, CONTROL_STATUSES)}` : ''}`,
    ]);
  }
  const certifications = array(d.certifications);
  if (certifications.length) rows.push(['certifications', `${certifications.length}: ${byStatus(certifications, CERTIFICATION_STATUSES)}`]);
  if (isObject(d.subprocessors)) {
    const sp = d.subprocessors;
    const planned = array(sp.planned).length;
    const disclosure = typeof sp.disclosure === 'string' ? sp.disclosure : '?';
    rows.push(['sub-processors', `${array(sp.entries).length} listed (disclosure: ${disclosure})${planned ? `, ${planned} planned` : ''}`]);
  }
  const regions = isObject(d.residency) ? array(d.residency.regions).length : 0;
  if (regions) rows.push(['regions', String(regions)]);
  const simple: [string, unknown][] = [
    ['retention', d.retention],
    ['documents', d.documents],
    ['contacts', d.contacts],
    ['faq', d.faq],
    ['changelog', d.changelog],
    ['statements', d.statements],
  ];
  for (const [label, value] of simple) if (array(value).length) rows.push([label, String(array(value).length)]);
  return rows;
}

/** A field of an unverified document as text, or a marker when absent or of the wrong type. */
export function field(doc: unknown, ...path: string[]): string {
  let value: unknown = doc;
  for (const key of path) value = isObject(value) ? value[key] : undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value === undefined ? '(missing)' : `(not text: ${JSON.stringify(value)?.slice(0, 40)})`;
}

/**
 * Posture documents for the benchmarks: one of a chosen byte size (verify), one with a chosen
 * number of controls and sub-processors (render), and the same content as plain static HTML (the
 * render's lower bound).
 */
import { serializeJws, signPosture, type PostureDocument, type SigningKey } from '../src/core/index.js';

const DAY = 86_400_000;
const STATUSES = ['shipped', 'in-progress', 'roadmap'] as const;

function envelope(now: number, issuer = 'https://vendor.example'): Omit<PostureDocument, 'categories'> {
  return {
    version: 1,
    issuer,
    issued: new Date(now - DAY).toISOString(),
    expires: new Date(now + 30 * DAY).toISOString(),
    sequence: 1,
    organization: { name: 'Vendor Example', url: 'https://vendor.example' },
    updated: '2026-11-01',
  };
}

/** A valid document whose signed payload is about `bytes` long. */
export function documentOfSize(bytes: number, now = Date.now()): PostureDocument {
  const controls = [];
  const entries = [];
  let size = 600;
  for (let i = 0; i === 0 || size < bytes; i++) {
    const control = {
      id: `control-${i}`,
      title: `Control number ${i}`,
      status: STATUSES[i % 3]!,
      description: `Control ${i} is described here in one plain sentence, as vendors do.`,
    };
    const entry = {
      name: `Provider ${i}`,
      purpose: 'Hosting and infrastructure',
      locations: [{ name: 'Sweden Central (EEA)', country: 'SE' }],
    };
    controls.push(control);
    entries.push(entry);
    size += JSON.stringify(control).length + JSON.stringify(entry).length + 2;
  }
  return {
    ...envelope(now),
    categories: [{ id: 'all', title: 'All controls', controls }],
    subprocessors: { disclosure: 'public', entries },
  };
}

/** Controls per category in `documentWithItems`. */
export const CONTROLS_PER_CATEGORY = 100;

const PURPOSES = ['Hosting', 'Email delivery', 'Payments', 'Support desk', 'Analytics'];
const REGIONS = [
  { name: 'EU (Frankfurt)', country: 'DE' },
  { name: 'EU (Stockholm)', country: 'SE' },
  { name: 'US (Virginia)', country: 'US' },
  { name: 'EU (Dublin)', country: 'IE' },
];

/**
 * `n` controls (in categories of 100) and `n` sub-processors, each with a short title or name, a
 * status or purpose and one location: about the least a real entry says, so the bytes per item stay
 * small.
 */
export function documentWithItems(n: number, issuer: string, now = Date.now()): PostureDocument {
  const categories: NonNullable<PostureDocument['categories']> = [];
  for (let start = 0; start < n; start += CONTROLS_PER_CATEGORY) {
    const controls = [];
    for (let i = start; i < Math.min(n, start + CONTROLS_PER_CATEGORY); i++)
      controls.push({ id: `c${i}`, title: `Control ${i}`, status: STATUSES[i % 3]! });
    categories.push({ id: `cat${start / CONTROLS_PER_CATEGORY}`, title: `Category ${start / CONTROLS_PER_CATEGORY}`, controls });
  }
  const entries = Array.from({ length: n }, (_, i) => ({
    name: `Provider ${i}`,
    purpose: PURPOSES[i % PURPOSES.length]!,
    locations: [REGIONS[i % REGIONS.length]!],
  }));
  return { ...envelope(now, issuer), categories, subprocessors: { disclosure: 'public', entries } };
}

/** The published file's text: `doc` signed by `key`. */
export async function signedText(doc: PostureDocument, key: SigningKey): Promise<string> {
  return serializeJws(await signPosture(doc, [key]));
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

function subprocessorTable(doc: PostureDocument): string {
  const rows = (doc.subprocessors?.entries ?? []).map(
    (e) =>
      `<tr><th scope="row">${escapeHtml(e.name)}</th><td>${escapeHtml(e.purpose)}</td><td>${(e.locations ?? []).map((l) => `${escapeHtml(l.name)} ${l.country ?? ''}`).join(', ')}</td><td>${escapeHtml(e.safeguard ?? '—')}</td></tr>`,
  );
  return `<h2>Sub-processors of ${escapeHtml(doc.organization.name)}</h2><table><thead><tr><th>Name</th><th>Purpose</th><th>Location</th><th>Safeguard</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * The render's lower bound: what `<subprocessor-list>` or `<trust-center>` shows of `doc`, as
 * plain headings, lists and a table without styles or behaviour.
 */
export function staticHtml(doc: PostureDocument, tag: 'trust-center' | 'subprocessor-list'): string {
  const seal = `<p>✓ Verified · signed by ${escapeHtml(new URL(doc.issuer).host)} · updated ${doc.updated} · expires ${doc.expires.slice(0, 10)}</p>`;
  if (tag === 'subprocessor-list') return seal + subprocessorTable(doc);
  const categories = (doc.categories ?? [])
    .map(
      (c) =>
        `<section><h3>${escapeHtml(c.title)}</h3><ul>${c.controls.map((k) => `<li>${escapeHtml(k.title)} <span>${k.status}</span></li>`).join('')}</ul></section>`,
    )
    .join('');
  return `<h1>${escapeHtml(doc.organization.name)}</h1>${seal}<h2>Controls</h2>${categories}${subprocessorTable(doc)}`;
}

/** Posture documents of a chosen size for benchmarks: many controls and sub-processors. */
import type { PostureDocument } from '../src/core/index.js';

const DAY = 86_400_000;

/** A valid document whose signed payload is about `bytes` long. */
export function documentOfSize(bytes: number, now = Date.now()): PostureDocument {
  const controls = [];
  const entries = [];
  let size = 600;
  for (let i = 0; size < bytes; i++) {
    const control = { id: `control-${i}`, title: `Control number ${i}`, status: (['shipped', 'in-progress', 'roadmap'] as const)[i % 3]!, description: `Control ${i} is described here in one plain sentence, as vendors do.` };
    const entry = { name: `Provider ${i}`, purpose: 'Hosting and infrastructure', locations: [{ name: 'Sweden Central (EEA)', country: 'SE' }] };
    controls.push(control);
    entries.push(entry);
    size += JSON.stringify(control).length + JSON.stringify(entry).length + 2;
  }
  return {
    version: 1,
    issuer: 'https://vendor.example',
    issued: new Date(now - DAY).toISOString(),
    expires: new Date(now + 30 * DAY).toISOString(),
    sequence: 1,
    organization: { name: 'Vendor Example', url: 'https://vendor.example' },
    updated: '2026-11-01',
    categories: [{ id: 'all', title: 'All controls', controls }],
    subprocessors: { disclosure: 'public', entries },
  };
}

/** The built element script that the static page and the preview load: `<trust-center>`, which registers `<subprocessor-list>` too. */
import { readFile } from 'node:fs/promises';
import { CliError } from './errors.js';

export const SCRIPT = 'trust-center.min.js';
/** The built CDN files: two levels up from src/cli and from dist/cli alike. */
const CDN_DIR = new URL('../../dist/cdn/', import.meta.url);

export async function elementScript(): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(new URL(SCRIPT, CDN_DIR)));
  } catch {
    throw new CliError(
      `the element script ${SCRIPT} is missing from this installation of trust-elements (dist/cdn): build it with npm run build`,
    );
  }
}

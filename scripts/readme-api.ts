/**
 * Writes the README's API reference (between `<!-- api:start -->` and `<!-- api:end -->`) from
 * custom-elements.json, so the reference is the elements' own JSDoc. `--check` fails when stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- api:start -->';
const END = '<!-- api:end -->';

interface Item {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Declaration {
  tagName?: string;
  name: string;
  summary?: string;
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

const cell = (text = '') => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

function table(title: string, headers: string[], rows: string[][]): string {
  if (!rows.length) return '';
  return [
    `**${title}**`,
    '',
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

export async function apiReference(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(root, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: Declaration[] }[];
  };
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  const order = ['trust-center', 'subprocessor-list', 'control-status', 'trust-badge'];
  elements.sort((a, b) => order.indexOf(a.tagName!) - order.indexOf(b.tagName!));
  const parts: string[] = ['Generated from `custom-elements.json` by `npm run docs`.', ''];
  for (const el of elements) {
    parts.push(`### \`<${el.tagName}>\``, '', el.summary ? `${el.summary}` : '', '');
    parts.push(
      table(
        'Attributes',
        ['name', 'type', 'default', 'description'],
        (el.attributes ?? []).map((a) => [
          `\`${a.name}\``,
          a.type ? `\`${a.type.text}\`` : '',
          a.default ? `\`${a.default}\`` : '',
          a.description ?? '',
        ]),
      ),
    );
    parts.push(
      table(
        'Events',
        ['name', 'description'],
        (el.events ?? []).map((e) => [`\`${e.name}\``, e.description ?? '']),
      ),
    );
    parts.push(
      table(
        'Slots',
        ['name', 'description'],
        (el.slots ?? []).map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description ?? '']),
      ),
    );
    parts.push(
      table(
        'CSS parts',
        ['name', 'description'],
        (el.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description ?? '']),
      ),
    );
    parts.push(
      table(
        'CSS custom properties',
        ['name', 'description'],
        (el.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.description ?? '']),
      ),
    );
  }
  return parts.filter((p, i, all) => !(p === '' && all[i - 1] === '')).join('\n');
}

export async function renderReadme(): Promise<{ current: string; next: string }> {
  const current = await readFile(path.join(root, 'README.md'), 'utf8');
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START} … ${END}`);
  const next = `${current.slice(0, start + START.length)}\n${await apiReference()}\n${current.slice(end)}`;
  return { current, next };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { current, next } = await renderReadme();
  if (process.argv.includes('--check')) {
    if (current !== next) {
      console.error('README.md API reference is stale: run npm run docs');
      process.exit(1);
    }
  } else if (current !== next) {
    await writeFile(path.join(root, 'README.md'), next);
    console.log('README.md API reference updated');
  }
}

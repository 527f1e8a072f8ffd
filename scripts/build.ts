/**
 * `npm run build`: the npm package's ES modules and type declarations in dist/ (lit left
 * external, for bundlers), and the CDN files in dist/cdn/: each a single minified file with
 * everything bundled, with its Subresource Integrity hash written beside it and printed; the
 * language files (src/elements/i18n/*.json, their hashes first written into the script) copied
 * byte for byte into dist/cdn/i18n/ and dist/elements/i18n/. The size budget is `sizeBudget` in
 * package.json: gzip bytes per CDN file, a ratchet set just above what each measures;
 * `--check-budget` exits non-zero when any file exceeds its ceiling.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { minify } from 'terser';
import ts from 'typescript';
import { languageFiles, writeIntegrityModule } from './i18n.js';
import { minifyCss, PRIVATE_NAME, privateNames } from './minify-css.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const cdn = path.join(dist, 'cdn');

/** The CDN files: the all-in-one file first, then one per element. */
export const CDN_ENTRIES: Record<string, string> = {
  'trust-elements': 'src/define/all.ts',
  'trust-center': 'src/define/trust-center.ts',
  'subprocessor-list': 'src/define/subprocessor-list.ts',
  'control-status': 'src/define/control-status.ts',
  'trust-badge': 'src/define/trust-badge.ts',
};

/** The css`…` literals of a *.styles.ts file, each minified by `minifyCss`. */
export function minifyCssLiterals(source: string, names = elementPrivateNames()): string {
  return source.replace(/css`([^`]*)`/g, (_match, body: string) => `css\`${minifyCss(body, names)}\``);
}

let elementNames: Map<string, string> | undefined;

/** The short names of the private custom properties of every *.styles.ts under src/elements. */
function elementPrivateNames(): Map<string, string> {
  if (elementNames) return elementNames;
  const dir = path.join(root, 'src/elements');
  const sheets = (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.styles.ts'))
    .map((file) => readFileSync(path.join(dir, file), 'utf8'));
  return (elementNames = privateNames(sheets));
}

/**
 * The static text of html`…` templates, minified: each run of white space that holds a line break
 * (the indentation of the template source) becomes one space, and in each tag what HTML reads the
 * same without goes (`minifyTags`). The rendered page is the same: no element shows white
 * space as written (nothing is `pre`), and the tags parse to the same elements and attributes.
 */
export function minifyHtmlLiterals(source: string, fileName = 'module.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const templates: ts.Node[][] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
      const t = node.template;
      templates.push(ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((span) => span.literal)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const parts of templates) {
    // A tag may span a binding: its parts are read together, joined by a character no source holds.
    const texts = minifyTags(
      parts.map((part) => source.slice(part.getStart(file), part.end).replace(/[ \t]*\n\s*/g, ' ')).join(BINDING),
    ).split(BINDING);
    parts.forEach((part, i) => edits.push({ start: part.getStart(file), end: part.end, text: texts[i]! }));
  }
  let out = source;
  for (const { start, end, text } of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** Stands for a binding between two static parts of a template while its tags are read. */
const BINDING = '\u0000';

/** The void elements: their tags take no end tag, and HTML ignores a `/` before their `>`. */
const VOID = /^<(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b/;

/**
 * The tags of `html` (a template's static text), shorter: a static attribute value loses its quotes
 * where the HTML parser, and Lit's scan for bindings, end it at the same place without them
 * (`part="row"` → `part=row`: no white space, quote, `=`, `<`, `>`, backtick, `&` or binding in it,
 * it does not end in `/`, and no `/` right after it to join it); the white space before a tag's `>` goes, and so does the
 * `/` of a void element's tag (`<br />` → `<br>`; not in SVG, where `/>` closes an element).
 */
function minifyTags(html: string): string {
  return html.replace(/<\/?[a-zA-Z][^\s>]*(?:\s+[^\s"'>=]+(?:=(?:"[^"]*"|'[^']*'|[^\s"'>]*))?)*\s*\/?>/g, (tag) => {
    // A value that ends in / keeps its quotes: unquoted before a void element's > it would lose the / below.
    const short = tag.replace(/(\s[^\s"'>=]+=)"([\w.:#%,;()!*+/-]*[\w.:#%,;()!*+-])"(?!\/)/g, '$1$2').replace(/\s+>$/, '>');
    return VOID.test(short) ? short.replace(/\s*\/>$/, '>') : short;
  });
}

/**
 * package.json's `sideEffects` names the built dist/define files; to esbuild the src/define
 * modules the CDN files are bundled from would be free of side effects, and a bare
 * `import './subprocessor-list.js'` (define/trust-center registering the list it embeds) would be
 * dropped. They register tags: keep them.
 */
export const defineModules: Plugin = {
  name: 'define-modules-have-side-effects',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) =>
      path.basename(args.resolveDir) === 'define' && path.basename(path.dirname(args.resolveDir)) === 'src'
        ? { path: path.join(args.resolveDir, args.path.replace(/\.js$/, '.ts')), sideEffects: true }
        : undefined,
    );
  },
};

/** CSS and HTML template literals minified, as in every CDN file. */
export const minifyLiterals: Plugin = {
  name: 'minify-literals',
  setup(b) {
    b.onLoad({ filter: /\.styles\.ts$/ }, async (args) => ({
      contents: minifyCssLiterals(await readFile(args.path, 'utf8')),
      loader: 'ts',
    }));
    b.onLoad({ filter: /[\\/]src[\\/]elements[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // Only the style sheets' private custom properties are renamed: one used elsewhere would no longer match.
      if (source.match(PRIVATE_NAME)) throw new Error(`${args.path}: private custom properties (--_*) belong in *.styles.ts files`);
      return { contents: minifyHtmlLiterals(source, args.path), loader: 'ts' };
    });
  },
};

export interface CdnFile {
  name: string;
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
  integrity: string;
}

/** How every script in dist/cdn/ is bundled before Terser's pass (and what bench/size.ts measures Lit alone with). */
export const CDN_BUILD = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  write: false,
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
} as const;

/**
 * Terser's second pass over esbuild's minified output: it folds and inlines what esbuild's
 * single-pass minifier leaves (about 2.7% of the all-in-one file's gzip bytes, `npm run bench:size`).
 * `keep_fargs: false` drops unused trailing parameters: nothing here or in Lit reads a function's
 * `length` (today it lets Lit's two-parameter property-name shim inline). `unsafe_methods` writes a
 * function-valued member of an object literal as a method: nothing calls one with `new` or reads its
 * `prototype` (they are the section renderers and the field formats' tests). `unsafe_proto` reaches
 * `Object.prototype.hasOwnProperty` through `{}`, the same function.
 */
const TERSER = {
  module: true,
  ecma: 2022,
  compress: { passes: 2, keep_fargs: false, unsafe_methods: true, unsafe_proto: true },
  format: { comments: false },
} as const;

/** One CDN file's code, bundled and minified as it ships, and esbuild's metafile (which source went where). */
export async function bundleCdnFile(entry: string): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    ...CDN_BUILD,
    metafile: true,
    entryPoints: [path.join(root, entry)],
    plugins: [defineModules, minifyLiterals],
  });
  return { code: await secondPass(result.outputFiles[0]!.text), metafile: result.metafile };
}

/** esbuild's minified `code` after Terser's pass, as it ships. */
export async function secondPass(code: string): Promise<Uint8Array> {
  return new TextEncoder().encode((await minify(code, TERSER)).code);
}

/** gzip (level 9) and brotli (quality 11) bytes of `code`. */
export const compressedSizes = (code: Uint8Array) => ({
  bytes: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** Writes `code` as `file` with its Subresource Integrity hash in `file.sri`; returns its figures. */
async function writeCdnFile(name: string, file: string, code: Uint8Array): Promise<CdnFile> {
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  await writeFile(file, code);
  await writeFile(`${file}.sri`, `${integrity}\n`);
  return { name, file: path.relative(root, file), ...compressedSizes(code), integrity };
}

/** Copies every language file, unchanged (its hash is in the scripts), into `dir`. */
export async function copyLanguageFiles(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [language, file] of Object.entries(await languageFiles())) await copyFile(file, path.join(dir, `${language}.json`));
}

export async function buildCdn(outDir = cdn): Promise<CdnFile[]> {
  await writeIntegrityModule();
  await mkdir(outDir, { recursive: true });
  await copyLanguageFiles(path.join(outDir, 'i18n'));
  const files: CdnFile[] = [];
  for (const [name, entry] of Object.entries(CDN_ENTRIES)) {
    const { code } = await bundleCdnFile(entry);
    files.push(await writeCdnFile(name, path.join(outDir, `${name}.min.js`), code));
  }
  // The stylesheet that gives undefined tags their room (src/reserve.css), minified.
  const css = await build({
    entryPoints: [path.join(root, 'src/reserve.css')],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  files.push(await writeCdnFile('reserve', path.join(outDir, 'reserve.css'), css.outputFiles[0]!.contents));
  await writeFile(path.join(outDir, 'sizes.json'), `${JSON.stringify(files, null, 2)}\n`);
  return files;
}

async function buildModules() {
  await rm(dist, { recursive: true, force: true });
  await writeIntegrityModule();
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  await chmod(path.join(dist, 'cli/main.js'), 0o755);
  await copyLanguageFiles(path.join(dist, 'elements/i18n'));
}

/** The gzip ceiling of each CDN file (package.json `sizeBudget`, by file name without .min.js). */
export async function sizeBudget(): Promise<Record<string, number>> {
  return (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { sizeBudget: Record<string, number> }).sizeBudget;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--cdn-only')) await buildModules();
  const files = await buildCdn();
  console.log('CDN files (dist/cdn)            minified      gzip    brotli   integrity');
  for (const f of files)
    console.log(`  ${f.file.padEnd(30)} ${kb(f.bytes).padStart(9)} ${kb(f.gzip).padStart(9)} ${kb(f.brotli).padStart(9)}   ${f.integrity}`);
  const budget = await sizeBudget();
  let over = false;
  for (const f of files) {
    const ceiling = budget[f.name];
    if (ceiling === undefined) continue;
    over ||= f.gzip > ceiling;
    console.log(`size budget: ${f.file} is ${f.gzip} gzip bytes, ${f.gzip <= ceiling ? 'within' : 'OVER'} its ceiling of ${ceiling}`);
  }
  if (process.argv.includes('--check-budget') && over) process.exit(1);
}

/**
 * The shape of `src/`, read from its own import statements: no import cycle, layers that only
 * import downwards, a browser verify path that cannot reach signing code, and files short
 * enough to read (a longer one says why in its header).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative module a file imports or re-exports, type-only imports included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?\sfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gms)].map((m) => m[1]!);
  specifiers.push(...[...text.matchAll(/^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!));
  return specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
}

const files = sourceFiles(srcDir);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const name = (f: string) => relative(repoRoot, f);

function reachable(from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...(graph.get(f) ?? []));
  }
  return seen;
}

describe('architecture of src/', () => {
  test('every relative import names a file that exists', () => {
    for (const [file, deps] of graph) {
      for (const dep of deps) assert.ok(graph.has(dep), `${name(file)} imports ${name(dep)}, which is not a source file`);
    }
  });

  test('no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (f: string) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') assert.fail(`import cycle: ${[...path.slice(path.indexOf(f)), f].map(name).join(' → ')}`);
      state.set(f, 'open');
      path.push(f);
      for (const dep of graph.get(f) ?? []) visit(dep);
      path.pop();
      state.set(f, 'done');
    };
    for (const f of files) visit(f);
  });

  test('layers import downwards only: core knows no DOM layer or CLI, elements know no CLI', () => {
    const layer = (f: string) => name(f).split('/')[1]!;
    const allowed: Record<string, string[]> = {
      core: ['core'],
      elements: ['core', 'elements'],
      define: ['core', 'elements', 'define'],
      react: ['core', 'elements', 'define', 'react'],
      // Node only: the elements pre-rendered for the static page that `publish` writes.
      ssr: ['core', 'elements', 'ssr'],
      cli: ['core', 'ssr', 'cli'],
    };
    for (const [file, deps] of graph) {
      const from = layer(file);
      if (!(from in allowed)) continue;
      for (const dep of deps)
        assert.ok(allowed[from]!.includes(layer(dep)), `${name(file)} (${from}) imports ${name(dep)} (${layer(dep)})`);
    }
  });

  test('error codes are a leaf: src/core/errors.ts imports nothing', () => {
    assert.deepEqual(graph.get(join(srcDir, 'core/errors.ts'))?.map(name), []);
  });

  test("the browser's verify path cannot reach signing code", () => {
    const signing = ['core/sign.ts', 'core/crypto/sign.ts'].map((f) => join(srcDir, f));
    for (const f of signing) assert.ok(graph.has(f), `signing lives in src/${f}`);
    for (const entry of ['core/read.ts', 'core/load.ts', 'core/verify.ts', 'elements/index.ts', 'define/all.ts']) {
      const path = join(srcDir, entry);
      assert.ok(graph.has(path), `${entry} exists`);
      const reached = reachable(path);
      for (const f of signing) assert.ok(!reached.has(f), `${entry} reaches ${name(f)}`);
    }
  });

  test('WebCrypto has one home: only src/core/crypto/ calls crypto.subtle', () => {
    for (const file of files) {
      if (name(file).startsWith('src/core/crypto/')) continue;
      assert.doesNotMatch(
        readFileSync(file, 'utf8'),
        /crypto\.subtle|\bsubtle\(\)/,
        `${name(file)} uses WebCrypto outside src/core/crypto/`,
      );
    }
  });

  test('no file over 300 lines without a reason in its header', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n').length;
      if (lines <= 300) continue;
      const header = text.slice(0, text.indexOf('*/') + 2);
      assert.match(header, /longer than 300 lines because/i, `${name(file)} has ${lines} lines and no reason in its header`);
    }
  });
});

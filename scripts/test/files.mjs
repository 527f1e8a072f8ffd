// @ts-check
// Which test files each runner gets: Node tests are test/cli/** and test/node/**, everything
// else under test/ runs in browsers; --files narrows both. A minimal glob (**, *, ?, {a,b}) over
// the work tree, enough for test file patterns.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const NODE_GLOBS = ['test/cli/**/*.test.ts', 'test/node/**/*.test.ts'];
const BROWSER_GLOBS = ['test/**/*.test.ts'];
/** @param {string} f */
const isNodeTestFile = (f) => /^test\/(cli|node)\//.test(f);

/** @param {string} glob */
function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = /** @type {string} */ (glob[i]);
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * @param {string} dir
 * @param {string[]} [out]
 */
function walk(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const p = dir === '.' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/**
 * Files (relative to the working directory, the project root; posix, sorted) matching any of
 * the globs; plain paths are taken as they are.
 * @param {string[]} globs
 */
function expandGlobs(globs) {
  const root = process.cwd();
  /** @type {Set<string>} */
  const found = new Set();
  for (let g of globs) {
    g = path.relative(root, path.resolve(root, g)).split(path.sep).join('/');
    if (!/[*?{]/.test(g)) {
      if (existsSync(g)) {
        // A directory means every test file under it.
        try {
          if (readdirSync(g)) for (const f of walk(g)) if (f.endsWith('.test.ts')) found.add(f);
        } catch {
          found.add(g);
        }
      }
      continue;
    }
    const base =
      g
        .split('/')
        .filter((s, i, all) => !all.slice(0, i + 1).some((p) => /[*?{]/.test(p)))
        .join('/') || '.';
    const re = globToRegExp(g);
    for (const f of walk(base)) if (re.test(f)) found.add(f);
  }
  return [...found].sort();
}

/**
 * The test files of each runner: all of them, or those the --files patterns match (`matched`
 * is false when patterns were given and none matched).
 * @param {string[]} patterns
 */
export function selectTestFiles(patterns) {
  if (patterns.length) {
    const files = expandGlobs(patterns).filter((f) => f.endsWith('.ts') || f.endsWith('.js') || f.endsWith('.mjs'));
    return { matched: files.length > 0, nodeFiles: files.filter(isNodeTestFile), browserFiles: files.filter((f) => !isNodeTestFile(f)) };
  }
  return { matched: true, nodeFiles: expandGlobs(NODE_GLOBS), browserFiles: expandGlobs(BROWSER_GLOBS).filter((f) => !isNodeTestFile(f)) };
}

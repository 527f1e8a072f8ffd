// @ts-check
// Test server plugin: React's CommonJS packages as ES modules, for test/react.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

/**
 * React for test/react: react, react-dom and react-dom/client (with scheduler) are CommonJS only.
 * Imports of exactly these names go to /__react__/<name>.js, an ES module re-exporting the names
 * Node sees (asked of a separate node: React's development build patches `console` on load), from
 * one esbuild bundle of the three (one React, development build), made on first request. Nothing
 * else is touched. (@rollup/plugin-commonjs through @web/dev-server-rollup does not work here:
 * since v22 it needs rollup's module graph, `this.load`, which that adapter lacks.)
 * @param {string} here the project root, where the React packages are resolved from
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function reactCommonjs(here) {
  const names = ['react', 'react-dom', 'react-dom/client'];
  /** @type {Promise<string> | undefined} */
  let bundle;
  /** @type {string[][] | undefined} */
  let exportNames;
  return {
    name: 'react-commonjs',
    resolveImport: ({ source }) => (names.includes(source) ? `/__react__/${source}.js` : undefined),
    async serve(context) {
      if (context.path === '/__react__/bundle.js') {
        bundle ??= build({
          stdin: { contents: `export default { ${names.map((n) => `'${n}': require('${n}')`).join(', ')} };`, resolveDir: here },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          define: { 'process.env.NODE_ENV': '"development"' },
          write: false,
          logLevel: 'warning',
        }).then((r) => /** @type {import('esbuild').OutputFile} */ (r.outputFiles[0]).text);
        return { body: await bundle, type: 'js' };
      }
      const name = context.path.match(/^\/__react__\/(.+)\.js$/)?.[1];
      if (!name || !names.includes(name)) return undefined;
      const allNames = (exportNames ??= /** @type {string[][]} */ (
        JSON.parse(
          execFileSync(process.execPath, ['-p', `JSON.stringify(${JSON.stringify(names)}.map((n) => Object.keys(require(n))))`], {
            cwd: here,
            encoding: 'utf8',
          }),
        )
      ));
      const keys = (allNames[names.indexOf(name)] ?? []).filter((k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
      const body = `import all from '/__react__/bundle.js';\nconst m = all['${name}'];\nexport default m;\nexport const { ${keys.join(', ')} } = m;\n`;
      return { body, type: 'js' };
    },
  };
}

/** @custom-elements-manifest/analyzer: `npm run manifest` writes custom-elements.json from the elements' JSDoc. */
export default {
  globs: ['src/elements/**/*.ts', 'src/define/*.ts'],
  exclude: ['**/*.styles.ts', 'src/elements/strings.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};

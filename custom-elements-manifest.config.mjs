/** @custom-elements-manifest/analyzer: `npm run manifest` writes custom-elements.json from the elements' JSDoc. */
export default {
  globs: ['src/elements/**/*.ts', 'src/define/*.ts'],
  // Words and the language files' hashes are not API: a translation must not change the manifest.
  exclude: ['**/*.styles.ts', '**/*.words.ts', 'src/elements/words.ts', 'src/elements/i18n/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};

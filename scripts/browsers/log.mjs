// @ts-check
// The `[browsers]` prefix of everything scripts/browsers prints.

/** @param {...unknown} args */
export const log = (...args) => console.log('[browsers]', ...args);

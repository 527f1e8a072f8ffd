// Browsers come from Debian's packages (see scripts/browsers.mjs): puppeteer must never download one.
module.exports = { skipDownload: true };

// Puppeteer drives Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium): installing the
// package downloads no browser of its own, whatever PUPPETEER_SKIP_DOWNLOAD says.
module.exports = { skipDownload: true };

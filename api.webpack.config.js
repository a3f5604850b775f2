// The api's bundle (nest-cli.json, project "api"): Nest's defaults plus a second entry, the
// spreadsheet parser thread of SpreadsheetParsePool, written beside main.js as a CommonJS
// module whose default export piscina calls.
const { dirname, join } = require('node:path');

module.exports = (options) => ({
  ...options,
  entry: {
    main: options.entry,
    'spreadsheet-parse.worker': {
      import: './libs/spreadsheet/src/spreadsheet-parse.worker.ts',
      library: { type: 'commonjs2' },
    },
  },
  output: { ...options.output, filename: join(dirname(options.output.filename), '[name].js') },
});

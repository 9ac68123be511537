#!/usr/bin/env node
'use strict';
// The barometer CLI. Runs the compiled lib/ (built by `npm run build:cli`, the prepare script),
// or the TypeScript sources through ts-node when lib/ is missing or BAROMETER_FROM_SRC is set.
const fs = require('fs');
const path = require('path');

const lib = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
let entry;
if (fs.existsSync(lib) && !process.env.BAROMETER_FROM_SRC) {
  entry = require(lib);
} else {
  require('ts-node').register({
    transpileOnly: true,
    project: path.join(__dirname, '..', 'tsconfig.json'),
  });
  entry = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
}

entry.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('barometer: Uventet fejl under kørslen – prøv igen.\n');
    process.exitCode = 1;
  },
);

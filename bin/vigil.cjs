#!/usr/bin/env node
// The `vigil` command: runs the TypeScript CLI through tsx. Needs Node 22 (the project's `node`
// dependency provides it to npm and npx: node_modules/.bin comes first on their PATH).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`vigil needs Node 22.12 or later (this is ${process.version}); run it through npx or npm so the project's Node is used.\n`);
  process.exit(2);
}
require('tsx/cjs');
require('../cli/main.ts').run();

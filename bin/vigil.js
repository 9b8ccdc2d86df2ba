#!/usr/bin/env node
// The published entry point: runs the compiled CLI (built by `npm install` through `prepare`).
import process from 'node:process';
import { main } from '../dist/src/cli/main.js';

// The AWS SDK warns once per process that Node 20 support is ending; Vigil's stderr carries its
// own messages and JSON log lines, which that warning would break.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A reader that stops early (`vigil scan | head`) is not an error of ours.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
/** The `trust-elements` executable. Everything else lives in run.ts, callable in-process. */
import { run } from './run.js';

// A closed pipe (`trust-elements inspect x | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));

#!/usr/bin/env node
/** The `edgar-corresp` executable: runs the CLI on this process's arguments and streams, then sets the exit code. */
import { once } from 'node:events';
import { runCli } from './program.ts';

const stdout = {
  isTTY: process.stdout.isTTY,
  // Large exports wait for the pipe to drain instead of buffering everything in memory.
  write: (chunk: string) => (process.stdout.write(chunk) ? true : once(process.stdout, 'drain')),
};

process.exitCode = await runCli(process.argv.slice(2), { stdout, stderr: process.stderr, env: process.env });

/**
 * Runs the CLI in this process, then writes {exitCode, maxRssKb, ms, cpuMs} as JSON to the file named first:
 *   node test/bench/_measured-cli.ts <result.json> <cli args...>
 * The benchmarks spawn it so each measured run is a process of its own (its peak RSS is the CLI's alone).
 */
import { writeFileSync } from 'node:fs';
import { runCli } from '../../src/cli/program.ts';

const [resultPath, ...args] = process.argv.slice(2);
if (!resultPath) {
  console.error('usage: node test/bench/_measured-cli.ts <result.json> <cli args...>');
  process.exit(2);
}
const started = performance.now();
const exitCode = await runCli(args, { stdout: process.stdout, stderr: process.stderr, env: process.env });
const ms = performance.now() - started;
// resourceUsage().maxRSS is in kilobytes: the peak resident set of this process so far. cpuMs: user + system
// CPU time of the whole process (start-up included), what the work costs whatever the machine's load.
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
writeFileSync(resultPath, JSON.stringify({ exitCode, maxRssKb: usage.maxRSS, ms, cpuMs }));
process.exitCode = exitCode;

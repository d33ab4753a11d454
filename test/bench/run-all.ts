/**
 * `npm run bench`: runs every benchmark in test/bench/ one after the other (each file here except this one and
 * files starting with "_"), passing through their output. Exit code 1 if any of them fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const here = import.meta.dirname;
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== basename(import.meta.filename) && !name.startsWith('_'))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n## ${name}`);
  const result = spawnSync(process.execPath, [join(here, name)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;

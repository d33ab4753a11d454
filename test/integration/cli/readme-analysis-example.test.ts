import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { promisify } from 'node:util';

const ROOT = new URL('../../../', import.meta.url);

test("the README's worked example of analysis shows what the example prints on the demo data", async () => {
  // The example builds the demo store from the bundled replica, exports Parquet with the CLI and runs DuckDB.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [new URL('test/demo/analysis-example.ts', ROOT).pathname],
    { cwd: ROOT.pathname, timeout: 120_000, maxBuffer: 1 << 20 },
  );
  const output = stdout.slice(stdout.indexOf('-- median days to close')).trim();
  assert.match(output, /^-- median days to close by topic/);
  assert.match(output, /-- comments per topic and resolution\n/);
  const readme = await readFile(new URL('README.md', ROOT), 'utf8');
  assert.ok(readme.includes(`\n${output}\n`), `README.md does not show the example's output:\n${output}`);
});

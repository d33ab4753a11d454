import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = 'test/fixtures/test-runner';

/** The runner's options from `npm run test:only` (CI's command): what these tests check is that configuration. */
function testOnlyOptions(): string[] {
  const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const words = scripts['test:only']!.split(' ');
  assert.equal(words[0], 'node');
  assert.match(words.at(-1)!, /^".*\*\.test\.ts"$/, 'test:only ends with its file pattern');
  return words.slice(1, -1);
}

/** Runs one fixture file the way `npm test` runs each test file; the runner is stopped when `signal` aborts. */
async function runFixture(
  signal: AbortSignal,
  file: string,
  graceMs: number,
): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_FILE_GRACE_MS: String(graceMs) };
  delete env.NODE_TEST_CONTEXT; // set for this file's own process; the runner started here must not see it
  const child = spawn(process.execPath, [...testOnlyOptions(), `${FIXTURES}/${file}`], {
    cwd: ROOT,
    env,
    signal,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, out };
}

/** A count from the spec reporter's summary (the lines CI greps), e.g. `ℹ tests 2001`. */
function summaryCount(out: string, name: 'tests' | 'pass' | 'fail'): number | undefined {
  const found = new RegExp(`^ℹ ${name} (\\d+)$`, 'm').exec(out);
  return found ? Number(found[1]) : undefined;
}

/** The spec reporter's closing list of failing tests, with their errors. */
function failingList(out: string): string {
  return out.slice(out.indexOf('✖ failing tests:'));
}

describe('npm test runs each test file to its end', { timeout: 120_000 }, () => {
  // Three runs at once: under --test-force-exit at least one of them lost results in each of 4 trials here.
  it('reports every result of a file, and its failing test by name', async (t) => {
    const runs = await Promise.all([1, 2, 3].map(() => runFixture(t.signal, 'many-results.ts', 600_000)));
    for (const { code, out } of runs) {
      assert.equal(code, 1);
      assert.equal(summaryCount(out, 'tests'), 2001);
      assert.equal(summaryCount(out, 'fail'), 1);
      assert.match(failingList(out), /^✖ the last test fails .*\n\s+AssertionError/m);
    }
  });

  it('fails a file that leaks a handle once the grace has passed, naming the file', async (t) => {
    const { code, out } = await runFixture(t.signal, 'leaks-a-timer.ts', 1000);
    assert.equal(code, 1);
    assert.match(out, /✔ passes but leaves a timer running/);
    assert.match(
      out,
      /file-watchdog: test\/fixtures\/test-runner\/leaks-a-timer\.ts still alive 1000 ms after its tests ended.*Timeout/,
    );
    assert.match(failingList(out), /^✖ .*test\/fixtures\/test-runner\/leaks-a-timer\.ts/m);
  });

  // The grace here outlasts this test's timeout: only an unref'd watchdog lets the file end in time.
  it('lets a file that leaves nothing open end at once, passing', async (t) => {
    const { code, out } = await runFixture(t.signal, 'ends-cleanly.ts', 600_000);
    assert.equal(code, 0);
    assert.equal(summaryCount(out, 'pass'), 1);
    assert.equal(summaryCount(out, 'fail'), 0);
  });
});

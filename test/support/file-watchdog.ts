/**
 * Preloaded into every test file's process (`node --import ./test/support/file-watchdog.ts --test ...`) so that
 * a file which leaks a handle (timer, socket, server, child process) or hangs fails, named, in bounded time
 * instead of hanging CI.
 *
 * Why not `--test-force-exit`: under process isolation it exits a file's process while results are still on
 * their way to the runner (nodejs/node#64833): test counts varied between runs and a failure's details were lost.
 * This watchdog exits only after the file has been quiet for a grace period, when every result has long been
 * written, and the runner then fails the file on its exit code.
 */
import { relative } from 'node:path';
import { after } from 'node:test';
import { isMainThread } from 'node:worker_threads';

/** Time a file's process may stay alive once its tests and their after hooks started; default 60 s. */
const GRACE_MS = Number(process.env.TEST_FILE_GRACE_MS ?? 60_000);
/** Time a file may run in all, a bound for what per-test timeouts miss (a hanging top-level await); default 30 min. */
const DEADLINE_MS = Number(process.env.TEST_FILE_DEADLINE_MS ?? 30 * 60_000);

/** Writes why the file is stopped, then exits with a failure the runner reports against the file. */
function stopFile(why: string): void {
  const file = relative(process.cwd(), process.argv[1] ?? '?');
  // Our own stdout/stderr pipes are among the handles; listing them all still shows what was left open.
  const handles = process.getActiveResourcesInfo().join(', ');
  process.stderr.write(`file-watchdog: ${file} ${why}; open handles: ${handles}\n`, () => process.exit(1));
}

// Only a test file's own process (the runner spawns it with NODE_TEST_CONTEXT=child-v8): not the runner,
// which gets the same --import, and not worker threads, which inherit it.
if (process.env.NODE_TEST_CONTEXT === 'child-v8' && isMainThread) {
  // Unref'd timers: a file that ends cleanly exits at once, never waiting for them.
  setTimeout(() => stopFile(`still running after ${DEADLINE_MS} ms (TEST_FILE_DEADLINE_MS)`), DEADLINE_MS).unref();
  // A root-level after hook runs once all the file's known tests have ended (where --test-force-exit would
  // exit), before the file's own root-level after hooks, which the grace therefore covers too.
  after(() => {
    setTimeout(
      () => stopFile(`still alive ${GRACE_MS} ms after its tests ended (TEST_FILE_GRACE_MS): a test leaks a handle`),
      GRACE_MS,
    ).unref();
  });
}

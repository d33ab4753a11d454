/**
 * PARSE_TIMEOUT_MS end to end (embedded): a letter that parses for longer than the deadline fails at parse as
 * BAD_INPUT timeout, its worker thread is replaced and the run goes on; the next run parses it again from the
 * archive (no request) and, the parser being the same, it times out again. The distributed twin is in
 * test/integration/distributed/parse-deadline.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BAD_INPUT_COMPANY } from '../../replica/data/index.ts';
import { buildSlowParseCompany, SLOW_PARSE_ACCESSION } from '../../replica/data/slow-parse-company.ts';
import { openWorkspace, type Workspace } from './support.ts';

/** Seconds for the tens of milliseconds a good letter takes, even on a loaded machine; the slow one needs far more. */
const DEADLINE = { PARSE_TIMEOUT_MS: '5000', PARSE_CONCURRENCY: '1' };

describe('parse deadline (embedded)', { timeout: 300_000 }, () => {
  let ws: Workspace;
  before(async () => {
    ws = await openWorkspace([await buildSlowParseCompany()]);
  });
  after(() => ws.close());

  it('fails the slow letter as BAD_INPUT timeout and stores the others; the next run parses it from the archive', async () => {
    const first = await ws.cli(['backfill', BAD_INPUT_COMPANY.cik], DEADLINE);
    assert.equal(first.code, 1, first.stderr);
    assert.match(
      first.stderr,
      new RegExp(
        `${SLOW_PARSE_ACCESSION} \\S+ \\S+ at parse: BAD_INPUT timeout: .*within 5000 ms \\(PARSE_TIMEOUT_MS\\)`,
      ),
    );
    assert.match(first.stderr, / 2 stored, 0 already stored, 1 failed/);

    const from = ws.replica.log.length;
    const again = await ws.cli(['backfill', BAD_INPUT_COMPANY.cik], DEADLINE);
    assert.equal(again.code, 1, again.stderr);
    assert.match(again.stderr, new RegExp(`${SLOW_PARSE_ACCESSION} \\S+ \\S+ at parse: BAD_INPUT timeout`));
    assert.deepEqual(ws.requestsSince(from).archives, [], 'parsed again from the archive, not fetched');
    assert.deepEqual(ws.refused(), []);
  });
});

import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { EdgarConfig } from '../../../config/env.ts';
import { createEdgarClient, type EdgarClient, type EdgarClientOptions } from '../../../src/edgar/client.ts';
import { createEndpoints } from '../../../src/edgar/endpoints.ts';
import type { FairAccessLimiter } from '../../../src/edgar/limiter.ts';
import { MemoryLimiter } from '../../../src/edgar/memory-limiter.ts';
import {
  ConfigError,
  EdgarBadResponseError,
  EdgarForeignHostError,
  EdgarNotFoundError,
  EdgarResponseTooLargeError,
  EdgarThrottledError,
  EdgarUnavailableError,
  EdgarUndeclaredToolError,
} from '../../../src/errors.ts';
import { startReplica, type Replica } from '../../replica/server.ts';
import { TINY, tinyDataset } from '../../replica/tiny-dataset.ts';

const USER_AGENT = 'Replica Tests tests@example.com';

describe('EDGAR client against the replica', { timeout: 180_000 }, () => {
  let replica: Replica;
  let config: EdgarConfig;
  const clients: EdgarClient[] = [];

  const client = (overrides: Partial<EdgarClientOptions> = {}, configOverrides: Partial<EdgarConfig> = {}) => {
    const made = createEdgarClient({
      config: { ...config, ...configOverrides },
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      timeouts: { bodyMs: 2000 },
      ...overrides,
    });
    clients.push(made);
    return made;
  };

  before(async () => {
    replica = await startReplica({ dataset: tinyDataset(), limits: { maxRps: null } });
    config = {
      userAgent: USER_AGENT,
      wwwUrl: replica.bases.wwwUrl,
      dataUrl: replica.bases.dataUrl,
      eftsUrl: replica.bases.eftsUrl,
      maxRps: 10,
      blockCooldownMs: 300,
    };
  });
  beforeEach(() => {
    replica.clearFaults();
    replica.resetTraffic();
  });
  after(async () => {
    await Promise.all(clients.map((made) => made.close()));
    await replica.close();
  });

  const endpoints = () => createEndpoints(replica.bases);
  const txt = () => endpoints().submissionText(TINY.cik, TINY.correspAccession);

  it('refuses to start without a User-Agent, naming EDGAR_USER_AGENT with an example, before any request', () => {
    for (const userAgent of [null, '', 'curl/8.0', 'research@example.com']) {
      assert.throws(
        () => client({}, { userAgent }),
        (error: unknown) =>
          error instanceof ConfigError &&
          /EDGAR_USER_AGENT/.test(error.message) &&
          /EDGAR_USER_AGENT="[^"]+ [^"]+@[^"]+"/.test(error.message),
      );
    }
    assert.equal(replica.log.length, 0);
  });

  it('refuses a host that is not a configured EDGAR base, without sending anything', async () => {
    const made = client();
    for (const url of [
      'https://www.sec.gov/Archives/edgar/data/1/0001-01-000001.txt',
      'http://localhost:1/x',
      'not a url',
    ]) {
      await assert.rejects(made.get(url), EdgarForeignHostError);
    }
    const port = new URL(replica.url).port;
    await assert.rejects(
      made.get(`http://user:pw@127.0.0.1:${port}/files/company_tickers.json`),
      EdgarForeignHostError,
    );
    assert.equal(replica.log.length, 0);
  });

  it('declares its User-Agent, asks for gzip and returns the body decompressed', async () => {
    const response = await client().get(txt());
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-encoding'], 'gzip');
    const filing = tinyDataset().companies[0]!.filings.find((f) => f.accessionNumber === TINY.correspAccession)!;
    assert.deepEqual(new Uint8Array(response.body), filing.submissionText);
    assert.equal(replica.log[0]!.userAgent, USER_AGENT);
    assert.ok(replica.log[0]!.bytes < response.body.length, 'sent compressed');
  });

  it('answers a conditional GET of an unchanged Archives file with notModified and no body', async () => {
    const made = client();
    const first = await made.get(txt());
    assert.ok(first.headers.etag && first.headers['last-modified']);
    const byEtag = await made.get(txt(), { etag: first.headers.etag });
    assert.equal(byEtag.notModified, true);
    assert.equal(byEtag.status, 304);
    assert.equal(byEtag.body.length, 0);
    const byDate = await made.get(txt(), { lastModified: first.headers['last-modified'] });
    assert.equal(byDate.notModified, true);
    const changed = await made.get(txt(), { etag: '"something-else"' });
    assert.equal(changed.notModified, false);
    assert.deepEqual(changed.body, first.body);
  });

  it('reads data.sec.gov JSON, which is sent no-store', async () => {
    const made = client();
    const response = await made.get(endpoints().submissions(TINY.cik));
    assert.equal(response.headers['cache-control'], 'no-store');
    const json = (await made.getJson(endpoints().submissions(TINY.cik))) as { cik: string };
    assert.equal(json.cik, '0001234567');
  });

  it('maps 404 to EdgarNotFoundError without retrying', async () => {
    await assert.rejects(client().get(endpoints().submissions('999')), EdgarNotFoundError);
    assert.equal(replica.log.length, 1);
  });

  it('retries 503 with backoff and succeeds', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: '503', count: 2 });
    const retries: number[] = [];
    const response = await client({ hooks: { onRetry: (e) => retries.push(e.delayMs) } }).get(txt());
    assert.equal(response.status, 200);
    assert.deepEqual(
      replica.log.map((e) => e.status),
      [503, 503, 200],
    );
    assert.equal(retries.length, 2);
  });

  it('bounds retries: gives up with EdgarUnavailableError after maxAttempts', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: '503', count: Infinity });
    const made = client({ retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } });
    await assert.rejects(made.get(txt()), EdgarUnavailableError);
    assert.equal(replica.log.length, 3);
  });

  it('draws backoff delays with full jitter under an exponential ceiling', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: '503', count: Infinity });
    const delays: number[] = [];
    const made = client({
      retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 25 },
      random: () => 0.999,
      hooks: { onRetry: (e) => delays.push(e.delayMs) },
    });
    await assert.rejects(made.get(txt()), EdgarUnavailableError);
    assert.deepEqual(delays, [10, 20, 25]);
  });

  it('retries after a connection reset', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: 'reset' });
    const response = await client().get(txt());
    assert.equal(response.status, 200);
    assert.equal(replica.log.length, 2);
    assert.equal(replica.log[0]!.fault, 'reset');
  });

  it('retries a truncated body, and fails with EdgarUnavailableError when it stays truncated', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: 'truncated-body' });
    const made = client({ retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 } });
    assert.equal((await made.get(txt())).status, 200);
    replica.injectFault({ path: TINY.correspAccession, kind: 'truncated-body', count: Infinity });
    await assert.rejects(made.get(txt()), EdgarUnavailableError);
  });

  it('times out a body that stalls and retries it', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: 'slow-body', delayMs: 1000 });
    const made = client({ timeouts: { bodyMs: 150 } });
    const response = await made.get(txt());
    assert.equal(response.status, 200);
    assert.equal(replica.log.length, 2);
    assert.equal(replica.log[0]!.fault, 'slow-body');
  });

  it('reports the undeclared-tool page as EdgarUndeclaredToolError and never retries it', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: 'undeclared-tool', count: Infinity });
    await assert.rejects(client().get(txt()), (error: unknown) => {
      assert.ok(error instanceof EdgarUndeclaredToolError);
      assert.match(error.message, /EDGAR_USER_AGENT/);
      return true;
    });
    assert.equal(replica.log.length, 1);
  });

  it('refuses a body over maxBytes and a JSON answer that is not JSON', async () => {
    const made = client();
    await assert.rejects(made.get(txt(), { maxBytes: 100 }), EdgarBadResponseError);
    await assert.rejects(made.getJson(txt()), EdgarBadResponseError);
  });

  it('refuses a submission whose Content-Length is over maxBytes without downloading it', async () => {
    const base = tinyDataset();
    const company = base.companies[0]!;
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    const huge = {
      ...company.filings[0]!,
      accessionNumber: '0001234567-21-000999',
      submissionStream: {
        size: 64 * chunk.length,
        *chunks() {
          for (let i = 0; i < 64; i++) yield chunk;
        },
      },
    };
    const big = await startReplica({
      dataset: { companies: [{ ...company, filings: [...company.filings, huge] }] },
      limits: { maxRps: null },
    });
    try {
      const made = client({}, { wwwUrl: big.bases.wwwUrl, dataUrl: big.bases.dataUrl, eftsUrl: big.bases.eftsUrl });
      const url = createEndpoints(big.bases).submissionText(TINY.cik, huge.accessionNumber);
      await assert.rejects(made.get(url, { maxBytes: 1024 * 1024 }), (error: unknown) => {
        assert.ok(error instanceof EdgarResponseTooLargeError, String(error));
        assert.equal(error.limit, 1024 * 1024);
        assert.match(error.message, /Content-Length/);
        return true;
      });
      assert.equal(big.log.length, 1, 'not retried');
      assert.ok(big.log[0]!.bytes < 64 * chunk.length, `${big.log[0]!.bytes} bytes sent`);
    } finally {
      await big.close();
    }
  });

  it('refuses a submission gzip bomb once, as too large, while it streams: no retry', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: 'gzip-bomb', inflatedBytes: 64 * 1024 * 1024 });
    await assert.rejects(client().get(txt(), { maxBytes: 1024 * 1024 }), (error: unknown) => {
      assert.ok(error instanceof EdgarResponseTooLargeError, String(error));
      assert.equal(error.code, 'EDGAR_BAD_RESPONSE');
      assert.equal(error.retryable, false);
      assert.match(error.message, /gzip body of \d+ bytes so far, once decoded, is over the limit of 1048576 bytes/);
      return true;
    });
    assert.equal(replica.log.length, 1, 'not retried');
  });

  it('refuses a deflate bomb once, as too large, instead of retrying it as raw deflate', async () => {
    for (const kind of ['deflate-bomb', 'raw-deflate-bomb'] as const) {
      replica.resetTraffic();
      replica.injectFault({ path: TINY.correspAccession, kind, inflatedBytes: 64 * 1024 * 1024 });
      await assert.rejects(client().get(txt(), { maxBytes: 1024 * 1024 }), (error: unknown) => {
        assert.ok(error instanceof EdgarResponseTooLargeError, `${kind}: ${String(error)}`);
        assert.match(
          error.message,
          /deflate body of \d+ bytes so far, once decoded, is over the limit of 1048576 bytes/,
        );
        return true;
      });
      assert.equal(replica.log.length, 1, `${kind} not retried`);
    }
  });

  it('bounds every other response by EDGAR_MAX_RESPONSE_BYTES, before and after decompression', async () => {
    const made = client({}, { maxResponseBytes: 200 });
    // The submissions JSON: a few KB plain, fewer gzipped, more than 200 bytes either way.
    await assert.rejects(made.getJson(endpoints().submissions(TINY.cik)), (error: unknown) => {
      assert.ok(error instanceof EdgarResponseTooLargeError, String(error));
      assert.equal(error.limit, 200);
      return true;
    });
    replica.injectFault({ path: 'company_tickers.json', kind: 'gzip-bomb', inflatedBytes: 64 * 1024 * 1024 });
    await assert.rejects(
      client({}, { maxResponseBytes: 1024 * 1024 }).get(endpoints().companyTickers()),
      (error: unknown) => error instanceof EdgarResponseTooLargeError && error.limit === 1024 * 1024,
    );
    assert.equal(replica.log.length, 2, 'neither retried');
    // A limit that fits lets the same response through.
    assert.equal(
      (await client({}, { maxResponseBytes: 1024 * 1024 }).get(endpoints().submissions(TINY.cik))).status,
      200,
    );
  });

  it('gives a whole response EDGAR_RESPONSE_TIMEOUT_MS, however steadily a dripping body arrives', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: 'drip-body', delayMs: 50, count: Infinity });
    const made = client(
      { timeouts: { bodyMs: 10_000 }, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 } },
      { responseTimeoutMs: 400 },
    );
    await assert.rejects(made.get(txt()), (error: unknown) => {
      assert.ok(error instanceof EdgarUnavailableError, String(error));
      assert.match(error.message, /no complete response within 400 ms/);
      return true;
    });
    assert.equal(replica.log.length, 2, 'retried once, then given up');
    for (const entry of replica.log) assert.ok(entry.bytes < 100, `${entry.bytes} bytes dripped before the deadline`);
  });

  it('holds every kind of EDGAR request to EDGAR_RESPONSE_TIMEOUT_MS, headers to last byte', async () => {
    const e = endpoints();
    const kinds: Record<string, string> = {
      'submissions JSON': e.submissions(TINY.cik),
      'browse-edgar Atom by CIK': e.browseByCik(TINY.cik),
      'browse-edgar Atom by file number': e.browseByFileNumber(TINY.fileNumber),
      'latest filings Atom': e.latestFilings('CORRESP'),
      'daily index': e.dailyIndex('master', TINY.letterDay),
      'company tickers': e.companyTickers(),
      'complete submission': txt(),
    };
    const made = client({ timeouts: { bodyMs: 10_000 }, retry: { maxAttempts: 1 } }, { responseTimeoutMs: 300 });
    for (const [kind, url] of Object.entries(kinds)) {
      assert.equal((await made.get(url)).status, 200, `${kind} is served without the fault`);
      const { pathname, search } = new URL(url);
      replica.injectFault({ path: pathname + search, kind: 'drip-body', delayMs: 50, count: 1 });
      await assert.rejects(made.get(url), (error: unknown) => {
        assert.ok(error instanceof EdgarUnavailableError, `${kind}: ${String(error)}`);
        assert.match(error.message, /no complete response within 300 ms/, kind);
        return true;
      });
    }
  });

  it('turns the rate-limit page into a pause of every request of the process, then recovers', async () => {
    for (const status of [403, 429]) {
      replica.resetTraffic();
      replica.injectFault({ path: TINY.correspAccession, kind: 'rate-limited', status });
      const limiter = new MemoryLimiter({ maxRps: 10 });
      const pauses: number[] = [];
      const others = [
        endpoints().submissions(TINY.cik),
        endpoints().companyTickers(),
        endpoints().filingIndexJson(TINY.cik, TINY.correspAccession),
      ];
      const started: Promise<unknown>[] = [];
      const made = client({
        limiter,
        // Requests of the same process started during the pause: they must wait it out too.
        hooks: { onPause: (e) => void (pauses.push(e.untilMs), started.push(...others.map((url) => made.get(url)))) },
      });
      const throttled = await made.get(txt());
      const results = [throttled, ...((await Promise.all(started)) as { status: number }[])];
      assert.ok(results.every((response) => response.status === 200));
      assert.equal(pauses.length, 1);
      const refusal = replica.log.find((entry) => entry.refusal === 'rate-limited')!;
      assert.equal(refusal.status, status);
      const afterRefusal = replica.log.filter((entry) => entry.at > refusal.at);
      assert.equal(afterRefusal.length, 4, 'the throttled request and the three others, once each');
      const quiet = Math.min(...afterRefusal.map((entry) => entry.at)) - refusal.at;
      assert.ok(quiet >= config.blockCooldownMs - 20, `first request ${quiet.toFixed(0)} ms after the refusal`);
      await limiter.close();
    }
  });

  it('waits out a real block instead of knocking on it, and finishes every request', async () => {
    // A replica stricter than the client's limiter: the client trips its block, must pause, and never extend it.
    const strict = await startReplica({ dataset: tinyDataset(), limits: { maxRps: 4, blockMs: 300 } });
    try {
      const sent: number[] = [];
      const pauses: { seenAt: number; untilMs: number }[] = [];
      const made = client(
        {
          retry: { maxThrottleRounds: 20 },
          hooks: {
            onRequest: () => sent.push(Date.now()),
            onPause: (e) => pauses.push({ seenAt: Date.now(), untilMs: e.untilMs }),
          },
        },
        {
          wwwUrl: strict.bases.wwwUrl,
          dataUrl: strict.bases.dataUrl,
          eftsUrl: strict.bases.eftsUrl,
          blockCooldownMs: 400,
        },
      );
      const url = createEndpoints(strict.bases).companyTickers();
      const results = await Promise.all(Array.from({ length: 12 }, () => made.get(url)));
      assert.ok(results.every((response) => response.status === 200));
      const refusals = strict.log.filter((entry) => entry.refusal === 'rate-limited');
      assert.ok(refusals.length >= 1, 'the block was hit');
      for (const refusal of refusals) {
        const nextOk = strict.log.find((entry) => entry.at > refusal.at && entry.status === 200);
        if (nextOk) assert.ok(nextOk.at - refusal.at >= 300, `${(nextOk.at - refusal.at).toFixed(0)} ms after a 403`);
      }
      // Requests already sent when a refusal comes back may still land in the block (how many depends on how
      // fast this process reacts, slower on a loaded machine); once the client pauses, it sends nothing more
      // until the pause is over. The pause runs from when the limiter set it (untilMs), not from when the hook
      // saw it, which on a loaded machine is some milliseconds later; 1 ms for the clock's resolution.
      assert.ok(pauses.length >= 1);
      for (const { seenAt, untilMs } of pauses) {
        assert.ok(untilMs - seenAt <= 400, `the pause ends ${untilMs - seenAt} ms after the hook saw it`);
        const during = sent.filter((at) => at > seenAt && at < untilMs - 1);
        assert.deepEqual(
          during,
          [],
          `sent ${during.map((at) => (untilMs - at).toFixed(0)).join(', ')} ms before the pause ended`,
        );
      }
    } finally {
      await strict.close();
    }
  });

  it('gives up with EdgarThrottledError after the allowed throttle rounds', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: 'rate-limited', count: Infinity });
    const made = client({ retry: { maxThrottleRounds: 2 } }, { blockCooldownMs: 20 });
    await assert.rejects(made.get(txt()), EdgarThrottledError);
    assert.equal(replica.log.length, 3);
  });

  it('leaves no abort listener behind on a signal shared by many requests', async () => {
    const shared = new AbortController();
    const made = client({ limiter: new MemoryLimiter({ maxRps: 1000 }) });
    for (let i = 0; i < 12; i++) await made.get(endpoints().companyTickers(), { signal: shared.signal });
    assert.equal(getEventListeners(shared.signal, 'abort').length, 0);
  });

  it('stops waiting when the caller aborts', async () => {
    replica.injectFault({ path: TINY.correspAccession, kind: 'slow-body', delayMs: 1000 });
    const controller = new AbortController();
    const pending = client().get(txt(), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await assert.rejects(pending, /caller gave up/);
  });

  it('tells the limiter when each request left, every attempt, also when it never could', async () => {
    // The limiter counts requests from when they leave (limiter.ts): a grant is reported sent after undici has
    // written the request, so before the server sees it, or when it will not be sent: never left unreported,
    // or the limiter would hold its place for good. Only the first report counts (limiter.ts).
    const inner = new MemoryLimiter({ maxRps: 1000 });
    const grants: { grantedAt: number; sentAt: number | null }[] = [];
    const limiter: FairAccessLimiter = {
      acquire: async (signal) => {
        const grant = await inner.acquire(signal);
        const record = { grantedAt: performance.now(), sentAt: null as number | null };
        grants.push(record);
        return {
          sent: () => {
            record.sentAt ??= performance.now();
            grant.sent();
          },
        };
      },
      pause: (ms) => inner.pause(ms),
      pausedUntil: () => inner.pausedUntil(),
      close: () => inner.close(),
    };
    replica.injectFault({ path: TINY.correspAccession, kind: 'reset' });
    assert.equal((await client({ limiter }).get(txt())).status, 200);
    assert.equal(grants.length, 2, 'the reset and the retry');
    for (const [i, grant] of grants.entries()) {
      assert.ok(grant.sentAt !== null && grant.sentAt >= grant.grantedAt, `attempt ${i + 1} reported`);
      assert.ok(grant.sentAt <= replica.log[i]!.at, `attempt ${i + 1} reported sent before it arrived`);
    }
    grants.length = 0;
    const closed = client({ limiter }, { wwwUrl: 'http://127.0.0.1:1' });
    await assert.rejects(closed.get('http://127.0.0.1:1/Archives/x.txt'), EdgarUnavailableError);
    assert.ok(grants.length >= 2, `${grants.length} attempts`);
    assert.ok(
      grants.every((grant) => grant.sentAt !== null),
      'a request never sent gives its grant back',
    );
    await inner.close();
  });

  it('never writes a request on a grant that is no longer usable: gives it back and asks for a new one', async () => {
    // The Redis limiter holds an unsent grant for a few seconds only; a request written later would leave
    // uncounted. The first grant here has lapsed by the time undici could write (after connecting).
    const inner = new MemoryLimiter({ maxRps: 1000 });
    const grants: { usable: boolean; sent: boolean }[] = [];
    const limiter: FairAccessLimiter = {
      acquire: async (signal) => {
        const grant = await inner.acquire(signal);
        const record = { usable: grants.length > 0, sent: false };
        grants.push(record);
        return {
          sent: () => {
            record.sent = true;
            grant.sent();
          },
          usable: () => record.usable,
        };
      },
      pause: (ms) => inner.pause(ms),
      pausedUntil: () => inner.pausedUntil(),
      close: () => inner.close(),
    };
    const retries: number[] = [];
    const made = client({ limiter, hooks: { onRetry: ({ attempt }) => retries.push(attempt) } });
    assert.equal((await made.get(txt())).status, 200);
    assert.equal(replica.log.length, 1, 'only the request on the usable grant reached the server');
    assert.deepEqual(
      grants.map((grant) => grant.sent),
      [true, true],
      'the lapsed grant given back, the new one reported sent',
    );
    assert.deepEqual(retries, [], 'not an attempt: asked again at once, no backoff');
    await inner.close();
  });
});

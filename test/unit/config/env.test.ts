import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDeclaredUserAgent, loadConfig, requireUserAgent } from '../../../config/env.ts';
import { ConfigError } from '../../../src/errors.ts';

describe('environment', () => {
  it('applies the defaults of DESIGN.md when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.edgar.wwwUrl, 'https://www.sec.gov');
    assert.equal(config.edgar.dataUrl, 'https://data.sec.gov');
    assert.equal(config.edgar.eftsUrl, 'https://efts.sec.gov/LATEST');
    assert.equal(config.edgar.maxRps, 10);
    assert.equal(config.edgar.blockCooldownMs, 600_000);
    assert.equal(config.fetchConcurrency, 4);
    assert.equal(config.storeUrl, 'sqlite:./data/edgar-corresp.sqlite');
    assert.equal(config.archiveDir, './data/archive');
    assert.equal(config.redisUrl, null);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.edgar.maxResponseBytes, 268_435_456);
    assert.equal(config.edgar.responseTimeoutMs, 300_000);
    assert.equal(config.parseTimeoutMs, 60_000);
  });

  it('reads the response limits and the parse deadline', () => {
    const config = loadConfig({
      EDGAR_MAX_RESPONSE_BYTES: '1048576',
      EDGAR_RESPONSE_TIMEOUT_MS: '5000',
      PARSE_TIMEOUT_MS: '2500',
    });
    assert.equal(config.edgar.maxResponseBytes, 1_048_576);
    assert.equal(config.edgar.responseTimeoutMs, 5000);
    assert.equal(config.parseTimeoutMs, 2500);
  });

  for (const [name, value] of [
    ['EDGAR_MAX_RESPONSE_BYTES', '10'],
    ['EDGAR_MAX_RESPONSE_BYTES', '1.5e3x'],
    ['EDGAR_RESPONSE_TIMEOUT_MS', '0'],
    ['PARSE_TIMEOUT_MS', '-5'],
    ['PARSE_TIMEOUT_MS', 'soon'],
  ] as const) {
    it(`refuses ${name}=${value}, naming the variable and an example`, () => {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.message.includes(`${name}=${value}`) &&
          error.message.includes(`e.g. ${name}=`),
      );
    });
  }

  it('accepts a User-Agent with a name and an e-mail address', () => {
    assert.ok(isDeclaredUserAgent('Acme Research research@acme.example'));
    assert.equal(
      loadConfig({ EDGAR_USER_AGENT: 'Jane Doe jane@example.org' }).edgar.userAgent,
      'Jane Doe jane@example.org',
    );
  });

  for (const bad of ['research@acme.example', 'Acme Research', 'Acme <not-an-email>', 'a'.repeat(250) + ' x@y.com']) {
    it(`refuses the User-Agent ${JSON.stringify(bad.slice(0, 40))}, naming the variable and an example`, () => {
      assert.throws(
        () => loadConfig({ EDGAR_USER_AGENT: bad }),
        (error: unknown) =>
          error instanceof ConfigError &&
          /EDGAR_USER_AGENT=/.test(error.message) &&
          /e\.g\. EDGAR_USER_AGENT="[^"]+ [^"]+@[^"]+"/.test(error.message),
      );
    });
  }

  it('says what to set when the User-Agent is missing for a command that contacts EDGAR', () => {
    assert.throws(() => requireUserAgent(loadConfig({})), /EDGAR_USER_AGENT is not set.*e\.g\./s);
  });

  for (const rps of ['11', '20', '0', '-1', 'ten']) {
    it(`refuses EDGAR_MAX_RPS=${rps}`, () => {
      assert.throws(
        () => loadConfig({ EDGAR_MAX_RPS: rps }),
        (error: unknown) => error instanceof ConfigError && error.message.includes(`EDGAR_MAX_RPS=${rps}`),
      );
    });
  }

  it('accepts fractional rates up to 10 and turns the cooldown into milliseconds', () => {
    const config = loadConfig({ EDGAR_MAX_RPS: '2.5', EDGAR_BLOCK_COOLDOWN: '1.5' });
    assert.equal(config.edgar.maxRps, 2.5);
    assert.equal(config.edgar.blockCooldownMs, 1500);
  });

  it('treats empty variables as unset', () => {
    assert.equal(loadConfig({ REDIS_URL: '', EDGAR_MAX_RPS: '' }).redisUrl, null);
  });

  it('refuses a store URL it cannot open', () => {
    assert.throws(() => loadConfig({ STORE_URL: 'mysql://x' }), /STORE_URL=mysql:\/\/x/);
  });
});

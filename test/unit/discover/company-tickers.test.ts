import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EdgarBadResponseError } from '../../../src/errors.ts';
import { findTicker, parseCompanyTickers } from '../../../src/discover/company-tickers.ts';

describe('company tickers', () => {
  const json = {
    '0': { cik_str: 1508475, ticker: 'VNET', title: '21Vianet Group, Inc.' },
    '1': { cik_str: 1067983, ticker: 'BRK-B', title: 'BERKSHIRE HATHAWAY INC' },
    '2': { cik_str: 'junk', ticker: 'BAD', title: 'x' },
  };

  it('maps tickers to CIKs without leading zeros and skips malformed entries', () => {
    const entries = parseCompanyTickers(json, 'tickers');
    assert.deepEqual(entries, [
      { ticker: 'VNET', cik: '1508475', title: '21Vianet Group, Inc.' },
      { ticker: 'BRK-B', cik: '1067983', title: 'BERKSHIRE HATHAWAY INC' },
    ]);
  });

  it('finds a ticker whatever its case and with a dot for a class dash', () => {
    const entries = parseCompanyTickers(json, 'tickers');
    assert.equal(findTicker(entries, 'vnet')?.cik, '1508475');
    assert.equal(findTicker(entries, 'BRK.B')?.cik, '1067983');
    assert.equal(findTicker(entries, 'NOPE'), null);
  });

  it('reads the fields/data table of the exchange variant', () => {
    const entries = parseCompanyTickers(
      { fields: ['cik', 'name', 'ticker', 'exchange'], data: [[320193, 'Apple Inc.', 'AAPL', 'Nasdaq']] },
      't',
    );
    assert.deepEqual(entries, [{ ticker: 'AAPL', cik: '320193', title: 'Apple Inc.' }]);
  });

  it('refuses a body that is not a tickers object', () => {
    assert.throws(
      () => parseCompanyTickers('nope', 'https://www.example/files/company_tickers.json'),
      EdgarBadResponseError,
    );
  });
});

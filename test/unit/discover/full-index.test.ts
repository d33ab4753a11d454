import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isFinalRead,
  quarterBounds,
  quarterKey,
  quartersForRange,
  readQuarterIndex,
} from '../../../src/discover/full-index.ts';

const MASTER = `Description:           Master Index of EDGAR Dissemination Feed
Last Data Received:    March 31, 2021
Comments:              webmaster@sec.gov
Anonymous FTP:         ftp://ftp.sec.gov/edgar/
Cloud HTTP:            https://www.sec.gov/Archives/




CIK|Company Name|Form Type|Date Filed|Filename
--------------------------------------------------------------------------------
1000045|NICHOLAS FINANCIAL INC|10-Q|2021-02-11|edgar/data/1000045/0001564590-21-005399.txt
1000045|NICHOLAS FINANCIAL INC|UPLOAD|2020-12-02|edgar/data/1000045/0000000000-21-001234.txt
1000097|KINGDON CAPITAL MANAGEMENT, L.L.C.|SC 13G/A|2021-02-16|edgar/data/1000097/0000919574-21-001437.txt
1000209|MEDALLION FINANCIAL CORP|CORRESP|2021-03-01|edgar/data/1000209/0001193125-21-065000.txt
1000210|MEDALLION BANK|CORRESP|2021-03-01|edgar/data/1000210/0001193125-21-065000.txt
1000210|MEDALLION BANK|S-3/A|2021-03-02|edgar/data/1000210/0001193125-21-066000.txt
1000209|MEDALLION FINANCIAL CORP|S-3/A|2021-03-02|edgar/data/1000209/0001193125-21-066000.txt
not a row
`;

describe('quarterly full index', () => {
  it('reads letters once whatever their co-registrants, and reviewed rows per filer; other forms are dropped', () => {
    const index = readQuarterIndex(MASTER);
    assert.deepEqual(
      index.letters.map((r) => [r.accessionNumber, r.cik, r.form, r.filingDate]),
      [
        ['0000000000-21-001234', '1000045', 'UPLOAD', '2020-12-02'],
        ['0001193125-21-065000', '1000209', 'CORRESP', '2021-03-01'],
      ],
    );
    assert.deepEqual(
      index.reviewed.map((r) => [r.cik, r.form]),
      [
        ['1000045', '10-Q'],
        ['1000210', 'S-3/A'],
        ['1000209', 'S-3/A'],
      ],
    );
    assert.equal(index.rows, 7);
    assert.equal(index.rejected, 1);
  });

  it('reads the quarters from the range start (default 2004 QTR3) to the current one', () => {
    const all = quartersForRange(null, '2026-12-06');
    assert.equal(quarterKey(all[0]!), '2004Q3');
    assert.equal(quarterKey(all.at(-1)!), '2026Q4');
    assert.equal(all.length, 90);
    assert.deepEqual(quartersForRange('2024-05-01', '2024-12-31').map(quarterKey), ['2024Q2', '2024Q3', '2024Q4']);
    assert.equal(quarterKey(quartersForRange('1999-01-01', '2005-01-01')[0]!), '2004Q3');
  });

  it('a quarter read a week after its end is final; the current one and the one just ended are not', () => {
    const q = { year: 2024, quarter: 4 };
    assert.deepEqual(quarterBounds(q), { first: '2024-10-01', last: '2024-12-31' });
    assert.equal(isFinalRead(q, '2024-12-15'), false);
    assert.equal(isFinalRead(q, '2025-01-03'), false);
    assert.equal(isFinalRead(q, '2025-01-07'), true);
    assert.deepEqual(quarterBounds({ year: 2024, quarter: 1 }).last, '2024-03-31');
  });
});

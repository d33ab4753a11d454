import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReferences } from '../../../src/letter/references.ts';

const ref = (
  form: string | null,
  fiscalYearEnd: string | null,
  filedDate: string | null,
  fileNumber: string | null,
) => ({
  form,
  fiscalYearEnd,
  filedDate,
  fileNumber,
});

describe('Re: block references', () => {
  const cases: Array<[string, string, ReturnType<typeof ref>[]]> = [
    [
      'reads an annual report with its fiscal year end, filing date and file number',
      'Example Co\nForm 10-K for the Fiscal Year Ended December 31, 2023\nFiled February 24, 2024\nFile No. 001-00044',
      [ref('10-K', '2023-12-31', '2024-02-24', '001-00044')],
    ],
    [
      'gives one file number to every form it follows',
      'Example Co\nForm 10-K for the Year Ended December 31, 2023\nForm 8-K Filed March 12, 2024\nFile No. 1-00044',
      [ref('10-K', '2023-12-31', null, '001-00044'), ref('8-K', null, '2024-03-12', '001-00044')],
    ],
    [
      'pairs as many numbers with as many forms in order',
      'Example Co\nForm 10-K for Fiscal Year Ended June 30, 2022\nFiled August 1, 2022\nFile No. 001-11111\nForm 10-Q for the Quarter Ended March 31, 2023\nFiled May 2, 2023\nFile No. 001-11111',
      [ref('10-K', '2022-06-30', '2022-08-01', '001-11111'), ref('10-Q', null, '2023-05-02', '001-11111')],
    ],
    [
      'spells registration statement amendments and drafts as EDGAR does',
      'Example Co\nAmendment No. 2 to Registration Statement on Form S-1\nFiled November 30, 2020\nFile No. 333-250056',
      [ref('S-1/A', null, '2020-11-30', '333-250056')],
    ],
    [
      'reads a draft registration statement as DRS',
      'Example Co\nDraft Registration Statement on Form S-1\nSubmitted August 18, 2020\nCIK No. 0001792789',
      [ref('DRS', null, '2020-08-18', null)],
    ],
    [
      'ignores a defined term that repeats the form',
      'Example Co (the "Company")\nForm 20-F for the Fiscal Year Ended December 31, 2012 (the "2012 Form 20-F")\nFiled on April 19, 2013 (File No. 001-35126)',
      [ref('20-F', '2012-12-31', '2013-04-19', '001-35126')],
    ],
    [
      'does not take a response date for a filing date',
      'Example Co\nForm 10-K for the Fiscal Year Ended December 31, 2023\nResponse dated June 12, 2024\nFile No. 001-00044',
      [ref('10-K', '2023-12-31', null, '001-00044')],
    ],
    [
      'reads a preliminary proxy statement',
      'Example Co\nPreliminary Proxy Statement on Schedule 14A\nFiled May 11, 2020\nFile No. 001-07933',
      [ref('PRE 14A', null, '2020-05-11', '001-07933')],
    ],
    ['yields nothing for a Re: line naming no filing', 'Example Co comment letter', []],
  ];
  for (const [name, block, expected] of cases) {
    it(name, () => assert.deepEqual(parseReferences(block), expected));
  }
});

describe('Re: block references written loosely', () => {
  it('reads a form named without the word "Form" at the head of a line', () => {
    assert.deepEqual(
      parseReferences(
        'EXAMPLE CO\n10-K for the Fiscal Year Ended December 31, 2021\nFiled February 3, 2022\nFile No. 000-30713',
      ),
      [{ form: '10-K', fiscalYearEnd: '2021-12-31', filedDate: '2022-02-03', fileNumber: '000-30713' }],
    );
  });

  it('reads a Form 10 registration of a class of securities', () => {
    assert.deepEqual(
      parseReferences('Example Co\nAmended Draft Registration Statement on Form 10-12B\nSubmitted December 7, 2018'),
      [{ form: 'DRS/A', fiscalYearEnd: null, filedDate: '2018-12-07', fileNumber: null }],
    );
  });
});

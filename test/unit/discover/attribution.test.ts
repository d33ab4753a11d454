import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributeFileNumbers, linkThroughThreads, type ThreadFacts } from '../../../src/discover/attribution.ts';

describe('file-number attribution', () => {
  it('joins header, referenced filing and Re: block numbers in EDGAR spelling, each once', () => {
    assert.deepEqual(
      attributeFileNumbers({
        headerFileNumbers: ['001-35126'],
        referenceFileNumbers: ['001-35126'],
        letterFileNumbers: ['1-35126', '0-12345', '333-199812-01'],
      }),
      ['001-35126', '000-12345', '333-199812-01'],
    );
  });
});

const facts = (
  accessionNumber: string,
  sender: 'company' | 'sec',
  letterDate: string | null,
  inResponseTo: string | null,
  ciks = ['1508475'],
): ThreadFacts => ({ accessionNumber, ciks, sender, letterDate, inResponseTo });

describe('attribution through threads', () => {
  const comment = facts('0000000000-13-000001', 'sec', '2013-12-17', null);

  it('ties a response without file number to the SEC letter of that number it answers', () => {
    const response = facts('0001193125-14-000946', 'company', '2014-01-03', '2013-12-17');
    assert.deepEqual(linkThroughThreads([response], [comment]), [
      { accessionNumber: '0001193125-14-000946', via: '0000000000-13-000001', relation: 'answers' },
    ]);
  });

  it('ties an unnumbered SEC letter answered by a numbered response, then the unnumbered reply to it', () => {
    const numberedResponse = facts('0001193125-14-000946', 'company', '2014-01-03', '2013-12-17');
    const unnumberedComment = facts('0000000000-13-000001', 'sec', '2013-12-17', null);
    const followUp = facts('0000000000-14-000002', 'sec', '2014-01-20', '2014-01-03');
    const reply = facts('0001193125-14-000999', 'company', '2014-02-01', '2014-01-20');
    const links = linkThroughThreads([reply, unnumberedComment, followUp], [numberedResponse]);
    assert.deepEqual(links.map((l) => l.accessionNumber).sort(), [
      '0000000000-13-000001',
      '0000000000-14-000002',
      '0001193125-14-000999',
    ]);
  });

  it('does not tie letters of another company, of the same sender, or with no matching date', () => {
    const otherCompany = facts('0001-x', 'company', '2014-01-03', '2013-12-17', ['999']);
    const sameSender = facts('0000000000-14-000003', 'sec', '2014-01-03', '2013-12-17');
    const unrelated = facts('0001193125-14-000947', 'company', '2014-03-01', '2014-02-15');
    const undated = facts('0001193125-14-000948', 'company', null, null);
    assert.deepEqual(linkThroughThreads([otherCompany, sameSender, unrelated, undated], [comment]), []);
  });
});

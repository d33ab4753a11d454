/**
 * The bad-input company's good letters (and its 10-K) next to one letter that takes seconds to parse: a
 * plain-text CORRESP of about 48 MB (under the 64 MiB document limit). Its parsing is linear, but at a few
 * hundred milliseconds per 4 MB it outlasts a short PARSE_TIMEOUT_MS many times over, while each good letter
 * parses in tens of milliseconds: the deadline tests set PARSE_TIMEOUT_MS between the two.
 */
import type { ReplicaCompany, ReplicaFiling } from '../dataset.ts';
import { sampleResponseLetter } from '../../fixtures/render/sample-letters.ts';
import { BAD_INPUT_COMPANY, BAD_INPUT_PROFILE, buildBadInputCompany } from './bad-input-company.ts';
import { buildCorrespFiling, companyOf } from './filing-builders.ts';

export const SLOW_PARSE_ACCESSION = '0001999001-15-000099';

const PARAGRAPH = 'The Company respectfully advises the Staff that charter revenue declined in the year.\n';

/** A plain-text response letter with `megabytes` of paragraphs before its closing. */
export async function buildSlowParseFiling(megabytes = 48): Promise<ReplicaFiling> {
  const filing = await buildCorrespFiling(BAD_INPUT_PROFILE, {
    accessionNumber: SLOW_PARSE_ACCESSION,
    filingDate: '2015-07-01',
    acceptanceTime: '09:30:00',
    disseminationDate: BAD_INPUT_COMPANY.disseminationDate,
    letter: sampleResponseLetter(),
    format: 'text',
  });
  const text = Buffer.from(filing.submissionText).toString('latin1');
  const at = text.indexOf('Very truly yours');
  const filler = PARAGRAPH.repeat(Math.round((megabytes * 1024 * 1024) / PARAGRAPH.length));
  const submissionText = Buffer.from(text.slice(0, at) + filler + text.slice(at), 'latin1');
  return { ...filing, submissionText, documents: [] };
}

/** The bad-input company without its bad inputs, plus the slow letter: 3 letters, one of them slow. */
export async function buildSlowParseCompany(): Promise<ReplicaCompany> {
  const good = new Set<string>([BAD_INPUT_COMPANY.goodUpload, BAD_INPUT_COMPANY.goodCorresp, BAD_INPUT_COMPANY.tenK]);
  const company = await buildBadInputCompany();
  return companyOf(BAD_INPUT_PROFILE, [
    ...company.filings.filter((f) => good.has(f.accessionNumber)),
    await buildSlowParseFiling(),
  ]);
}

/** The dataset module form (test/replica/start.ts --dataset). */
export async function dataset() {
  return { companies: [await buildSlowParseCompany()] };
}

/** Shared checks for the replica-data tests: SGML shape by regex (the real parser is normalize's) and text views. */

import assert from 'node:assert/strict';
import type { ReplicaFiling } from '../../replica/dataset.ts';

export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/** HTML text with tags dropped and numeric/common entities decoded, for fact checks. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const compact = (iso: string) => iso.slice(0, 10).replace(/-/g, '');

/** Checks the complete submission against the filing's metadata, line by line where the format is fixed. */
export function assertSubmissionShape(filing: ReplicaFiling): void {
  let text = latin1(filing.submissionText);
  const acc = filing.accessionNumber;
  if (text.startsWith('-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n')) {
    assert.ok(text.endsWith('</SEC-DOCUMENT>\n-----END PRIVACY-ENHANCED MESSAGE-----\n'), `${acc}: PEM end`);
    text = text.slice(text.indexOf('<SEC-DOCUMENT>'), text.lastIndexOf('-----END'));
  }
  const lines = text.split('\n');
  assert.equal(lines[0], `<SEC-DOCUMENT>${acc}.txt : ${compact(filing.disseminationDate)}`);
  assert.equal(lines[1], `<SEC-HEADER>${acc}.hdr.sgml : ${compact(filing.disseminationDate)}`);
  assert.equal(lines[2], `<ACCEPTANCE-DATETIME>${filing.acceptanceDateTime.slice(0, 19).replace(/[-T:]/g, '')}`);
  assert.ok(lines.includes(`ACCESSION NUMBER:\t\t${acc}`), `${acc}: accession line`);
  assert.ok(lines.includes(`CONFORMED SUBMISSION TYPE:\t${filing.form}`), `${acc}: type line`);
  assert.ok(lines.includes(`FILED AS OF DATE:\t\t${compact(filing.filingDate)}`), `${acc}: filed line`);
  const count = /^PUBLIC DOCUMENT COUNT:\t\t(\d+)$/m.exec(text);
  assert.ok(count, `${acc}: document count line`);
  assert.equal(text.match(/^<DOCUMENT>$/gm)?.length, Number(count[1]), `${acc}: document count`);
  assert.equal(text.match(/^<\/DOCUMENT>$/gm)?.length, Number(count[1]));
  assert.ok(text.includes('\n</SEC-HEADER>\n<DOCUMENT>\n'), `${acc}: header closed before the documents`);
  assert.ok(text.endsWith('</DOCUMENT>\n</SEC-DOCUMENT>\n'), `${acc}: closing tags`);
  const role = filing.form === 'CORRESP' || !/UPLOAD|SEC STAFF/.test(filing.form) ? 'FILER:' : 'FILED FOR:\t\t';
  assert.equal(
    text.split('\n').filter((l) => l === role).length,
    1 + filing.coRegistrantCiks.length,
    `${acc}: filer blocks`,
  );
  if (filing.form === 'CORRESP' || filing.form === 'UPLOAD') assert.ok(lines.includes('<PRIVATE-TO-PUBLIC>'));
}

export const ACCESSION = /^\d{10}-\d{2}-\d{6}$/;

/**
 * Harbor Point Securities LLC (invented): an underwriter of 21Vianet's 2011 listing that filed its own Rule 461
 * letter under its own CIK. The letter's Re: block cites 21Vianet's file numbers, yet no filing of the
 * underwriter carries 001-35126: only full-text search finds the letter for that number. Its one other filing
 * is under a broker-dealer file number of its own. Also the wrong company a stale browse-edgar answer may name.
 */
import type { LetterSpec } from '../../fixtures/render/letter-spec.ts';
import type { ReplicaCompany } from '../dataset.ts';
import { buildCorrespFiling, buildOtherFiling, companyOf, type CompanyProfile } from './filing-builders.ts';
import { vnetAccelerationRequest } from './vnet-2011-listing.ts';

export const UNDERWRITER = {
  cik: '1800123',
  name: 'Harbor Point Securities LLC',
  fileNumber: '008-67890',
  letter: '0001800123-11-000004',
  annual: '0001800123-12-000001',
} as const;

const PROFILE: CompanyProfile = {
  cik: UNDERWRITER.cik,
  name: UNDERWRITER.name,
  tickers: [],
  exchanges: [],
  sic: '6211',
  sicDescription: 'Security Brokers, Dealers & Flotation Companies',
  entityType: 'other',
  stateOfIncorporation: 'DE',
  fiscalYearEnd: '1231',
  formerNames: [],
  fileNumbers: [UNDERWRITER.fileNumber],
  filer: {
    companyName: UNDERWRITER.name.toUpperCase(),
    cik: UNDERWRITER.cik,
    sic: { code: '6211', description: 'SECURITY BROKERS, DEALERS & FLOTATION COMPANIES' },
    stateOfIncorporation: 'DE',
    fiscalYearEnd: '1231',
    businessAddress: {
      street1: '1585 AVENUE OF THE AMERICAS',
      city: 'NEW YORK',
      state: 'NY',
      zip: '10036',
      phone: '212-555-0142',
    },
    mailAddress: { street1: '1585 AVENUE OF THE AMERICAS', city: 'NEW YORK', state: 'NY', zip: '10036' },
    formerNames: [],
  },
};

function underwriterLetter(): LetterSpec {
  return {
    ...vnetAccelerationRequest(),
    letterhead: [UNDERWRITER.name, '1585 Avenue of the Americas', 'New York, New York 10036'],
    intro: [
      'As representative of the several underwriters of the proposed offering, we join in the request of 21Vianet Group, Inc. under Rule 461 that the effectiveness of the registration statements named above be accelerated to 4:00 p.m., Eastern time, on April 20, 2011, or as soon as practicable afterwards.',
    ],
    closingParagraphs: [],
    signatories: [{ name: 'Ruth Adeyemi', title: 'Managing Director', organization: UNDERWRITER.name }],
  };
}

export async function buildUnderwriterCompany(): Promise<ReplicaCompany> {
  const letter = await buildCorrespFiling(PROFILE, {
    accessionNumber: UNDERWRITER.letter,
    filingDate: '2011-04-19',
    acceptanceTime: '16:41:07',
    disseminationDate: '2011-05-31',
    letter: underwriterLetter(),
    format: 'html-modern',
  });
  const annual = buildOtherFiling(PROFILE, {
    accessionNumber: UNDERWRITER.annual,
    form: 'X-17A-5',
    filingDate: '2012-02-28',
    acceptanceTime: '10:12:44',
    reportDate: '2011-12-31',
    fileNumber: UNDERWRITER.fileNumber,
    primaryDocument: 'focus2011.htm',
    primaryDocDescription: 'X-17A-5',
    summary: `Annual audited report of ${UNDERWRITER.name} for 2011.`,
  });
  return companyOf(PROFILE, [letter, annual]);
}

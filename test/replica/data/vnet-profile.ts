/**
 * 21Vianet Group, Inc. (CIK 1508475, VNET, file number 001-35126): who writes and receives its letters. The
 * people, titles, addresses and file numbers are the facts of its two public response letters; every sentence
 * of the letters built from them is written for this project.
 */

import type { AddresseeSpec, PersonSpec } from '../../fixtures/render/letter-spec.ts';
import { SEC_ADDRESS } from '../../fixtures/render/letter-spec.ts';
import type { CompanyProfile } from './filing-builders.ts';

export const VNET = {
  cik: '1508475',
  name: '21Vianet Group, Inc.',
  fileNumber: '001-35126',
  /** The F-1 registration statement of the 2011 listing (invented number). */
  f1FileNumber: '333-172879',
  /** A later shelf registration (invented number). */
  f3FileNumber: '333-201587',
} as const;

export const VNET_PROFILE: CompanyProfile = {
  cik: VNET.cik,
  name: VNET.name,
  tickers: ['VNET'],
  exchanges: ['Nasdaq'],
  sic: '7374',
  sicDescription: 'Services-Computer Processing & Data Preparation',
  entityType: 'other',
  stateOfIncorporation: 'E9',
  fiscalYearEnd: '1231',
  formerNames: [{ name: '21Vianet Group Inc', from: '2011-03-18', to: '2011-04-11' }],
  fileNumbers: [VNET.fileNumber, VNET.f1FileNumber, VNET.f3FileNumber],
  filer: {
    companyName: VNET.name,
    cik: VNET.cik,
    sic: { code: '7374', description: 'SERVICES-COMPUTER PROCESSING & DATA PREPARATION' },
    stateOfIncorporation: 'E9',
    fiscalYearEnd: '1231',
    businessAddress: {
      street1: 'M5, 1 JIUXIANQIAO EAST ROAD',
      street2: 'CHAOYANG DISTRICT',
      city: 'BEIJING',
      state: 'F4',
      zip: '100016',
      phone: '86 10 8456 2121',
    },
    mailAddress: {
      street1: 'M5, 1 JIUXIANQIAO EAST ROAD',
      street2: 'CHAOYANG DISTRICT',
      city: 'BEIJING',
      state: 'F4',
      zip: '100016',
    },
    formerNames: [{ name: '21Vianet Group Inc', dateOfChange: '2011-04-11' }],
  },
};

export const VNET_LETTERHEAD = [
  '21Vianet Group, Inc.',
  'M5, 1 Jiuxianqiao East Road',
  'Chaoyang District, Beijing 100016',
  'The People’s Republic of China',
];

export const VNET_ADDRESS_LINES = [
  '21Vianet Group, Inc.',
  'M5, 1 Jiuxianqiao East Road',
  'Chaoyang District',
  'Beijing 100016',
  'The People’s Republic of China',
];

export const KRIKORIAN: PersonSpec = { name: 'Stephen Krikorian', title: 'Accounting Branch Chief' };
export const WALSH: PersonSpec = { name: 'Melissa Walsh', title: 'Staff Accountant' };
export const LU: PersonSpec = { name: 'Mengyao Lu', title: 'Staff Accountant' };
export const HSIAO: PersonSpec = { name: 'Shang-Wen Hsiao', title: 'Chief Financial Officer' };
export const WANG: PersonSpec = { name: 'Terry Wang', title: 'Chief Financial Officer' };

/** The SEC as addressee of 2013-14 letters: the two reviewers, then the Commission's street address. */
export const SEC_2013: AddresseeSpec = {
  people: [KRIKORIAN, WALSH],
  organization: ['Securities and Exchange Commission'],
  address: SEC_ADDRESS,
};

/** The SEC as addressee of 2017 letters. */
export const SEC_2017: AddresseeSpec = {
  people: [KRIKORIAN, LU],
  organization: [
    'Office of Information Technologies and Services',
    'Division of Corporation Finance',
    'U.S. Securities and Exchange Commission',
  ],
  address: SEC_ADDRESS,
};

export function vnetAddressee(person: PersonSpec): AddresseeSpec {
  return { people: [person], organization: [VNET_ADDRESS_LINES[0]!], address: VNET_ADDRESS_LINES.slice(1) };
}

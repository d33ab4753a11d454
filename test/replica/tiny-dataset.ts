/**
 * A tiny hand-made dataset for the replica's and the client's own tests: two companies, a registration
 * statement, an annual report, a CORRESP and an UPLOAD, one co-registrant filing, and `extra` generated
 * 8-K filings to exercise paging. The demo and corpus datasets live under test/replica/data/.
 */
import type { ReplicaCompany, ReplicaDataset, ReplicaFiling } from './dataset.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

function submissionText(accession: string, form: string, filed: string, company: string, body: string): Uint8Array {
  return bytes(`<SEC-DOCUMENT>${accession}.txt : ${filed.replace(/-/g, '')}
<SEC-HEADER>${accession}.hdr.sgml : ${filed.replace(/-/g, '')}
ACCESSION NUMBER:\t\t${accession}
CONFORMED SUBMISSION TYPE:\t${form}
PUBLIC DOCUMENT COUNT:\t\t1
FILED AS OF DATE:\t\t${filed.replace(/-/g, '')}

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\t${company}
</SEC-HEADER>
<DOCUMENT>
<TYPE>${form}
<SEQUENCE>1
<FILENAME>filename1.htm
<TEXT>
<html><body>${body}</body></html>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
`);
}

interface FilingSpec {
  accession: string;
  form: string;
  filed: string;
  accepted: string;
  disseminated?: string;
  fileNumber?: string;
  coRegistrants?: string[];
  body?: string;
}

function filing(company: string, spec: FilingSpec): ReplicaFiling {
  const text = submissionText(
    spec.accession,
    spec.form,
    spec.filed,
    company,
    spec.body ?? `${spec.form} of ${company}`,
  );
  const primaryDocument = spec.form === 'UPLOAD' ? 'filename1.pdf' : 'filename1.htm';
  return {
    accessionNumber: spec.accession,
    form: spec.form,
    filingDate: spec.filed,
    reportDate: '',
    acceptanceDateTime: spec.accepted,
    disseminationDate: spec.disseminated ?? spec.filed,
    listedFileNumber: spec.fileNumber ?? '',
    primaryDocument,
    primaryDocDescription: '',
    coRegistrantCiks: spec.coRegistrants ?? [],
    submissionText: text,
    documents: [
      {
        sequence: 1,
        type: spec.form === 'UPLOAD' ? 'LETTER' : spec.form,
        filename: primaryDocument,
        description: null,
        // A cover page cites the filing's own file number, as real ones do (full-text search finds it there).
        bytes: bytes(
          spec.body ?? `${spec.form} document${spec.fileNumber ? `, Commission File Number ${spec.fileNumber}` : ''}`,
        ),
      },
    ],
  };
}

export const TINY = {
  cik: '1234567',
  coRegistrantCik: '7654321',
  fileNumber: '001-99999',
  correspAccession: '0001234567-20-000010',
  uploadAccession: '0000000000-20-000123',
  annualAccession: '0001234567-20-000003',
  /** Dissemination date of the CORRESP and the UPLOAD, long after their filing dates. */
  letterDay: '2020-06-15',
} as const;

export function tinyDataset(extra = 0): ReplicaDataset {
  const name = 'Example Holdings Ltd';
  const filings: ReplicaFiling[] = [
    filing(name, {
      accession: '0001234567-19-000001',
      form: 'F-1',
      filed: '2019-09-02',
      accepted: '2019-09-02T16:01:02-04:00',
      fileNumber: '333-231000',
    }),
    filing(name, {
      accession: TINY.annualAccession,
      form: '20-F',
      filed: '2020-03-30',
      accepted: '2020-03-30T17:05:00-04:00',
      fileNumber: TINY.fileNumber,
    }),
    filing(name, {
      accession: TINY.uploadAccession,
      form: 'UPLOAD',
      filed: '2020-04-20',
      accepted: '2020-04-20T12:00:00-04:00',
      disseminated: TINY.letterDay,
      body: 'We have reviewed your filing.',
    }),
    filing(name, {
      accession: TINY.correspAccession,
      form: 'CORRESP',
      filed: '2020-05-04',
      accepted: '2020-05-04T09:30:15-04:00',
      disseminated: TINY.letterDay,
      coRegistrants: [TINY.coRegistrantCik],
      body: 'In response to the Staff comment letter dated April 20, 2020.',
    }),
  ];
  for (let i = 0; i < extra; i++) {
    const day = new Date(Date.UTC(2018, 0, 2) + i * 86_400_000).toISOString().slice(0, 10);
    filings.push(
      filing(name, {
        accession: `0001234567-18-${String(100 + i).padStart(6, '0')}`,
        form: '6-K',
        filed: day,
        accepted: `${day}T08:00:00-05:00`,
        fileNumber: TINY.fileNumber,
      }),
    );
  }
  const company: ReplicaCompany = {
    cik: TINY.cik,
    name,
    tickers: ['EXH'],
    exchanges: ['Nasdaq'],
    sic: '7374',
    sicDescription: 'Services-Computer Processing & Data Preparation',
    entityType: 'other',
    stateOfIncorporation: 'E9',
    fiscalYearEnd: '1231',
    formerNames: [{ name: 'Example Cloud Ltd', from: '2010-01-04', to: '2018-12-31' }],
    fileNumbers: [TINY.fileNumber, '333-231000'],
    filings,
  };
  const coRegistrant: ReplicaCompany = {
    cik: TINY.coRegistrantCik,
    name: 'Example Holdings Finance Sub Ltd',
    tickers: [],
    exchanges: [],
    sic: '6199',
    sicDescription: 'Finance Services',
    entityType: 'other',
    stateOfIncorporation: 'E9',
    fiscalYearEnd: '1231',
    formerNames: [],
    fileNumbers: ['333-231000-01'],
    filings: [],
  };
  return { companies: [company, coRegistrant] };
}

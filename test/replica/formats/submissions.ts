/**
 * data.sec.gov/submissions/CIK##########.json: company facts, `filings.recent` as column arrays (newest first,
 * at most `recentLimit` rows) and older rows in overflow pages named in `filings.files`. An overflow page is
 * the bare column object, with no `filings` wrapper. EDGAR's quirks kept: acceptanceDateTime carries the
 * Eastern wall clock with a "Z"; CORRESP rows never carry a fileNumber.
 */
import { padCik } from '../../../src/identifiers.ts';
import type { ReplicaCompany, ReplicaFiling } from '../dataset.ts';
import { submissionSize, wallClock } from '../catalog.ts';

export interface SubmissionsOptions {
  /** Rows in `filings.recent`; EDGAR keeps at least a year or 1000 rows. Default 1000. */
  readonly recentLimit?: number;
  /** Rows per overflow page. Default 1000. */
  readonly pageSize?: number;
}

export interface RenderedSubmissions {
  readonly main: string;
  /** Overflow pages by file name, e.g. "CIK0001508475-submissions-001.json". */
  readonly pages: ReadonlyMap<string, string>;
}

const LETTER_CORE_TYPES: Record<string, string> = { UPLOAD: 'LETTER', CORRESP: 'CORRESP' };
const NON_SEC_FORMS = /^(CORRESP|UPLOAD|SEC STAFF LETTER|SEC STAFF ACTION|DRSLTR)$/;

function act(filing: ReplicaFiling): string {
  if (NON_SEC_FORMS.test(filing.form)) return '';
  if (filing.listedFileNumber.startsWith('333-')) return '33';
  if (filing.listedFileNumber === '') return '';
  return '34';
}

/** A stable film number derived from the accession (EDGAR's are opaque). */
function filmNumber(filing: ReplicaFiling): string {
  if (NON_SEC_FORMS.test(filing.form)) return '';
  const digits = filing.accessionNumber.replace(/\D/g, '');
  return `${filing.filingDate.slice(2, 4)}${digits.slice(-6)}`;
}

function columns(filings: readonly ReplicaFiling[]) {
  return {
    accessionNumber: filings.map((f) => f.accessionNumber),
    filingDate: filings.map((f) => f.filingDate),
    reportDate: filings.map((f) => f.reportDate),
    acceptanceDateTime: filings.map((f) => `${wallClock(f.acceptanceDateTime)}.000Z`),
    act: filings.map(act),
    form: filings.map((f) => f.form),
    fileNumber: filings.map((f) => (f.form === 'CORRESP' ? '' : f.listedFileNumber)),
    filmNumber: filings.map(filmNumber),
    items: filings.map(() => ''),
    core_type: filings.map((f) => LETTER_CORE_TYPES[f.form] ?? f.form),
    size: filings.map((f) => submissionSize(f)),
    isXBRL: filings.map(() => 0),
    isInlineXBRL: filings.map(() => 0),
    primaryDocument: filings.map((f) => f.primaryDocument),
    primaryDocDescription: filings.map((f) => f.primaryDocDescription),
  };
}

const emptyAddress = {
  street1: null,
  street2: null,
  city: null,
  stateOrCountry: null,
  zipCode: null,
  stateOrCountryDescription: null,
};

export function renderSubmissions(
  company: ReplicaCompany,
  filings: readonly ReplicaFiling[],
  options: SubmissionsOptions = {},
): RenderedSubmissions {
  const recentLimit = options.recentLimit ?? 1000;
  const pageSize = Math.max(1, options.pageSize ?? 1000);
  const recent = filings.slice(0, recentLimit);
  const older = filings.slice(recentLimit);
  const pages = new Map<string, string>();
  const files: { name: string; filingCount: number; filingFrom: string; filingTo: string }[] = [];
  for (let offset = 0; offset < older.length; offset += pageSize) {
    const rows = older.slice(offset, offset + pageSize);
    const name = `CIK${padCik(company.cik)}-submissions-${String(files.length + 1).padStart(3, '0')}.json`;
    pages.set(name, JSON.stringify(columns(rows)));
    files.push({
      name,
      filingCount: rows.length,
      filingFrom: rows[rows.length - 1]!.filingDate,
      filingTo: rows[0]!.filingDate,
    });
  }
  const main = {
    cik: padCik(company.cik),
    entityType: company.entityType,
    sic: company.sic,
    sicDescription: company.sicDescription,
    ownerOrg: '',
    insiderTransactionForOwnerExists: 0,
    insiderTransactionForIssuerExists: 0,
    name: company.name,
    tickers: company.tickers,
    exchanges: company.exchanges,
    ein: '',
    lei: null,
    description: '',
    website: '',
    investorWebsite: '',
    category: '',
    fiscalYearEnd: company.fiscalYearEnd,
    stateOfIncorporation: company.stateOfIncorporation,
    stateOfIncorporationDescription: company.stateOfIncorporation,
    addresses: { mailing: emptyAddress, business: emptyAddress },
    phone: '',
    flags: '',
    formerNames: company.formerNames.map((former) => ({
      name: former.name,
      from: `${former.from}T00:00:00.000Z`,
      to: `${former.to}T00:00:00.000Z`,
    })),
    filings: { recent: columns(recent), files },
  };
  return { main: JSON.stringify(main), pages };
}

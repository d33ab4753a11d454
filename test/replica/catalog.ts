/**
 * Look-ups over a ReplicaDataset that every format renderer needs: companies by CIK and ticker, the filings
 * listed under each CIK (co-registrants included), filings by accession and by dissemination date.
 */
import type { ReplicaCompany, ReplicaDataset, ReplicaFiling } from './dataset.ts';

/** One filing as listed under one filer: the same filing appears once per co-registrant. */
export interface ListedFiling {
  readonly company: ReplicaCompany;
  readonly filing: ReplicaFiling;
}

export interface ReplicaCatalog {
  readonly dataset: ReplicaDataset;
  company(cik: string): ReplicaCompany | undefined;
  companyByTicker(ticker: string): ReplicaCompany | undefined;
  /** Filings listed under a CIK, newest first (filing date, then acceptance time). */
  filingsOf(cik: string): readonly ReplicaFiling[];
  /** The filing and its primary company. */
  filing(accession: string): ListedFiling | undefined;
  /** Whether `cik` is a filer of the filing (primary or co-registrant). */
  isFilerOf(cik: string, filing: ReplicaFiling, primary: ReplicaCompany): boolean;
  /** Every (filer, filing) pair disseminated on `date` (YYYY-MM-DD). */
  disseminatedOn(date: string): readonly ListedFiling[];
  /** Every (filer, filing) pair disseminated from `first` to `last` inclusive (YYYY-MM-DD). */
  disseminatedBetween(first: string, last: string): readonly ListedFiling[];
  /** Every (filer, filing) pair, newest dissemination first, then newest acceptance. */
  latest(): readonly ListedFiling[];
  /** Companies whose registrations carry a file number. */
  companiesWithFileNumber(fileNumber: string): readonly ReplicaCompany[];
}

const newestFirst = (a: ReplicaFiling, b: ReplicaFiling): number =>
  b.filingDate.localeCompare(a.filingDate) ||
  Date.parse(b.acceptanceDateTime) - Date.parse(a.acceptanceDateTime) ||
  b.accessionNumber.localeCompare(a.accessionNumber);

export function buildCatalog(dataset: ReplicaDataset): ReplicaCatalog {
  const byCik = new Map<string, ReplicaCompany>();
  const byTicker = new Map<string, ReplicaCompany>();
  const listed = new Map<string, ReplicaFiling[]>();
  const byAccession = new Map<string, ListedFiling>();
  const pairs: ListedFiling[] = [];
  for (const company of dataset.companies) {
    byCik.set(company.cik, company);
    for (const ticker of company.tickers) byTicker.set(ticker.toUpperCase(), company);
  }
  const list = (cik: string, filing: ReplicaFiling) => {
    const filings = listed.get(cik) ?? [];
    filings.push(filing);
    listed.set(cik, filings);
  };
  for (const company of dataset.companies) {
    for (const filing of company.filings) {
      byAccession.set(filing.accessionNumber, { company, filing });
      list(company.cik, filing);
      pairs.push({ company, filing });
      for (const cik of filing.coRegistrantCiks) {
        if (cik === company.cik) continue;
        list(cik, filing);
        const coRegistrant = byCik.get(cik);
        if (coRegistrant) pairs.push({ company: coRegistrant, filing });
      }
    }
  }
  for (const filings of listed.values()) filings.sort(newestFirst);
  const latest = [...pairs].sort(
    (a, b) => b.filing.disseminationDate.localeCompare(a.filing.disseminationDate) || newestFirst(a.filing, b.filing),
  );
  return {
    dataset,
    company: (cik) => byCik.get(cik.replace(/^0+/, '')),
    companyByTicker: (ticker) => byTicker.get(ticker.toUpperCase()),
    filingsOf: (cik) => listed.get(cik.replace(/^0+/, '')) ?? [],
    filing: (accession) => byAccession.get(accession),
    isFilerOf: (cik, filing, primary) => primary.cik === cik || filing.coRegistrantCiks.includes(cik),
    disseminatedOn: (date) => pairs.filter((pair) => pair.filing.disseminationDate === date),
    disseminatedBetween: (first, last) =>
      pairs.filter((pair) => pair.filing.disseminationDate >= first && pair.filing.disseminationDate <= last),
    latest: () => latest,
    companiesWithFileNumber: (fileNumber) =>
      dataset.companies.filter(
        (company) =>
          company.fileNumbers.includes(fileNumber) ||
          company.filings.some((filing) => filing.listedFileNumber === fileNumber),
      ),
  };
}

/** Size of the complete submission as served. */
export function submissionSize(filing: ReplicaFiling): number {
  return filing.submissionStream?.size ?? filing.submissionText.length;
}

/** "2014-01-03T06:15:34-05:00" -> "2014-01-03T06:15:34" (the Eastern wall clock EDGAR prints). */
export function wallClock(acceptanceDateTime: string): string {
  return acceptanceDateTime.slice(0, 19);
}

/** Byte size as browse-edgar prints it: "6 KB", "4 MB". */
export function humanSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Eastern time now as EDGAR stamps its feeds, e.g. "2021-04-18T12:54:19-04:00". */
export function easternNow(date: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const offset = String(parts.timeZoneName).replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

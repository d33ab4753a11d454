/**
 * `files/company_tickers.json`: ticker -> CIK. The file is an object of numbered entries
 * (`{"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},...}`); an array of the same entries and the
 * `{fields, data}` table of company_tickers_exchange.json are read too. Pure.
 */
import { EdgarBadResponseError } from '../errors.ts';
import { normalizeCik } from '../identifiers.ts';

export interface TickerEntry {
  readonly ticker: string;
  readonly cik: string;
  readonly title: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function entryOf(cikValue: unknown, tickerValue: unknown, titleValue: unknown): TickerEntry | null {
  if (typeof tickerValue !== 'string' || tickerValue.trim() === '') return null;
  if (typeof cikValue !== 'string' && typeof cikValue !== 'number') return null;
  const cik = normalizeCik(cikValue);
  if (cik === null) return null;
  return { ticker: tickerValue.trim().toUpperCase(), cik, title: typeof titleValue === 'string' ? titleValue : null };
}

/** Every entry of the file, tickers upper-cased. */
export function parseCompanyTickers(json: unknown, source: string): TickerEntry[] {
  const entries: TickerEntry[] = [];
  if (isRecord(json) && Array.isArray(json['fields']) && Array.isArray(json['data'])) {
    const fields = json['fields'] as unknown[];
    const [cikAt, tickerAt, nameAt] = ['cik', 'ticker', 'name'].map((f) => fields.indexOf(f));
    for (const row of json['data'] as unknown[]) {
      if (!Array.isArray(row)) continue;
      const entry = entryOf(row[cikAt ?? -1], row[tickerAt ?? -1], row[nameAt ?? -1]);
      if (entry) entries.push(entry);
    }
    return entries;
  }
  const values = Array.isArray(json) ? (json as unknown[]) : isRecord(json) ? Object.values(json) : null;
  if (values === null)
    throw new EdgarBadResponseError(source, null, `${source}: company tickers are not a JSON object`);
  for (const value of values) {
    if (!isRecord(value)) continue;
    const entry = entryOf(value['cik_str'] ?? value['cik'], value['ticker'], value['title'] ?? value['name']);
    if (entry) entries.push(entry);
  }
  return entries;
}

/**
 * Looks a ticker up; EDGAR writes class shares with a dash ("BRK-B"), users often with a dot ("BRK.B"):
 * both match. Null when the ticker is not listed.
 */
export function findTicker(entries: readonly TickerEntry[], ticker: string): TickerEntry | null {
  const wanted = ticker.trim().toUpperCase().replace(/\./g, '-');
  return entries.find((e) => e.ticker.replace(/\./g, '-') === wanted) ?? null;
}

/** www.sec.gov/files/company_tickers.json: {"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},...}. */
import type { ReplicaDataset } from '../dataset.ts';

export function renderCompanyTickers(dataset: ReplicaDataset): string {
  const rows: Record<string, { cik_str: number; ticker: string; title: string }> = {};
  let index = 0;
  for (const company of dataset.companies) {
    for (const ticker of company.tickers) {
      rows[String(index++)] = { cik_str: Number(company.cik), ticker, title: company.name };
    }
  }
  return JSON.stringify(rows);
}

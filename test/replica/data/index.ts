/**
 * Replica datasets built from the project's own fixtures. Every builder is async (PDFs come from pdf-lib) and
 * deterministic. Nothing here comes from ../shared.
 */

import type { ReplicaDataset } from '../dataset.ts';
import { buildGeneratedCompany } from './generated-company.ts';
import { buildBrightwaterCompanies } from './recent-company.ts';
import { buildVnetCompany } from './vnet-company.ts';

export { buildVnetCompany, vnetLetterSpecs, VNET_ACCESSIONS } from './vnet-company.ts';
export { VNET, VNET_PROFILE } from './vnet-profile.ts';
export { buildBrightwaterCompanies, brightwaterLetterSpecs, BRIGHTWATER } from './recent-company.ts';
export { buildGeneratedCompany } from './generated-company.ts';
export type { GeneratedCompanyOptions } from './generated-company.ts';
export { buildBadInputCompany, BAD_INPUT_COMPANY } from './bad-input-company.ts';
export { buildUnderwriterCompany, UNDERWRITER } from './underwriter-company.ts';
export { buildCorrespFiling, buildUploadFiling, buildOtherFiling, companyOf } from './filing-builders.ts';
export type { CompanyProfile, LetterFilingOptions, OtherFilingOptions } from './filing-builders.ts';

/** CIK of the small generated company in the demo dataset. */
export const DEMO_GENERATED_CIK = '1800007';

/** What `npm run demo` serves: 21Vianet, Brightwater (+ its co-registrant) and a small generated company. */
export async function buildDemoDataset(): Promise<ReplicaDataset> {
  const [vnet, brightwater, generated] = await Promise.all([
    buildVnetCompany(),
    buildBrightwaterCompanies(),
    buildGeneratedCompany({ letters: 12, seed: 7, cik: DEMO_GENERATED_CIK, otherFilings: 12 }),
  ]);
  return { companies: [vnet, ...brightwater, generated] };
}

export interface BenchDatasetOptions {
  /** Letters of the generated company (>= 100 for the fetch benchmark, >= 600 for the distributed one). */
  readonly letters: number;
  readonly seed?: number;
  /** Other filings of the generated company; default as many as letters. */
  readonly otherFilings?: number;
}

/** CIK of the generated company in bench datasets. */
export const BENCH_GENERATED_CIK = '1800042';

/** For benchmarks: 21Vianet plus a generated company with `letters` letters. */
export async function buildBenchDataset(options: BenchDatasetOptions): Promise<ReplicaDataset> {
  const [vnet, generated] = await Promise.all([
    buildVnetCompany(),
    buildGeneratedCompany({
      letters: options.letters,
      seed: options.seed ?? 42,
      cik: BENCH_GENERATED_CIK,
      ...(options.otherFilings === undefined ? {} : { otherFilings: options.otherFilings }),
    }),
  ]);
  return { companies: [vnet, generated] };
}

/** The name test/replica/start.ts looks for (`--dataset demo`). */
export const demoDataset = buildDemoDataset;

/**
 * The replica dataset of the whole-EDGAR benchmark (loaded by test/replica/start.ts --dataset): 21Vianet,
 * Brightwater and its co-registrant (letters listed under two CIKs), and a generated company whose letters
 * run from 2005 to 2025, many disseminated in the quarter after their filing, beside 10-K/10-Q/8-K filings
 * the full index lists and an `--all` backfill filters out.
 */
import { buildBrightwaterCompanies, buildGeneratedCompany, buildVnetCompany } from '../replica/data/index.ts';
import type { ReplicaDataset } from '../replica/dataset.ts';

/** One generated company: UPLOAD accessions (0000000000-YY-...) do not name the company, two would collide. */
export const ALL_GENERATED = [{ cik: '1800101', seed: 101, letters: 480 }] as const;

export async function dataset(): Promise<ReplicaDataset> {
  const [vnet, brightwater, ...generated] = await Promise.all([
    buildVnetCompany(),
    buildBrightwaterCompanies(),
    ...ALL_GENERATED.map((g) => buildGeneratedCompany({ ...g, otherFilings: 200 })),
  ]);
  return { companies: [vnet, ...brightwater, ...generated] };
}

/** Distinct letters (CORRESP and UPLOAD) of the dataset. */
export async function letterCount(): Promise<number> {
  const { companies } = await dataset();
  const letters = new Set<string>();
  for (const c of companies) {
    for (const f of c.filings) if (f.form === 'CORRESP' || f.form === 'UPLOAD') letters.add(f.accessionNumber);
  }
  return letters.size;
}

/**
 * The replica dataset of the distributed tests: one generated company (data's builder, deterministic), served by
 * `node test/replica/start.ts --dataset test/integration/distributed/support/dataset.ts`; the tests build the
 * same dataset to know which letters to expect.
 */
import type { ReplicaDataset } from '../../../replica/dataset.ts';
import { buildGeneratedCompany } from '../../../replica/data/index.ts';

export const DIST_CIK = '1800077';
export const DIST_LETTERS = 48;
export const DATASET_MODULE = 'test/integration/distributed/support/dataset.ts';

export async function dataset(): Promise<ReplicaDataset> {
  return {
    companies: [await buildGeneratedCompany({ letters: DIST_LETTERS, seed: 77, cik: DIST_CIK, otherFilings: 6 })],
  };
}

/** The accessions a backfill of DIST_CIK must store. */
export async function expectedLetters(): Promise<string[]> {
  const { companies } = await dataset();
  return companies[0]!.filings
    .filter((filing) => filing.form === 'CORRESP' || filing.form === 'UPLOAD')
    .map((filing) => filing.accessionNumber)
    .sort();
}

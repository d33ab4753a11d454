/** Replica dataset with data's bad-input company only (a truncated .txt, a corrupt PDF, ... and two good letters). */
import type { ReplicaDataset } from '../../../replica/dataset.ts';
import { buildBadInputCompany } from '../../../replica/data/index.ts';

export async function dataset(): Promise<ReplicaDataset> {
  return { companies: [await buildBadInputCompany()] };
}

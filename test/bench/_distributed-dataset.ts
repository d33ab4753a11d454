/**
 * Replica dataset of `npm run bench:distributed` (loaded by test/replica/start.ts --dataset): 21Vianet plus a
 * generated company of BENCH_LETTERS letters, enough to keep 10 requests a second busy for more than 60 s.
 */
import { buildBenchDataset } from '../replica/data/index.ts';

export const BENCH_LETTERS = 720;

export const dataset = () => buildBenchDataset({ letters: BENCH_LETTERS, otherFilings: 60 });

/**
 * Routes of the quarterly full index: `full-index/YYYY/QTRn/{master,form,company}.{idx,gz}` and the quarter's
 * `index.json`. A quarter lists what was disseminated in it up to EDGAR's today; quarters after today answer
 * 404 (EDGAR has no directory for them yet), quarters without filings answer their headers alone.
 */
import { gzipSync } from 'node:zlib';
import type { ReplicaCatalog } from './catalog.ts';
import { easternNow } from './catalog.ts';
import { quarterDays, renderFullIndex, renderQuarterListing, type FullIndexKind } from './formats/full-index.ts';
import { archived, type Resource } from './routes.ts';

const FULL_INDEX =
  /^\/Archives\/edgar\/full-index\/(\d{4})\/QTR([1-4])\/(?:(master|form|company)\.(idx|gz)|index\.json)$/;
const KINDS: readonly FullIndexKind[] = ['company', 'form', 'master'];

export function fullIndexResource(catalog: ReplicaCatalog, path: string, today?: string): Resource | null {
  const match = FULL_INDEX.exec(path);
  if (!match) return null;
  const [, yearText, quarterText, kind, extension] = match;
  const year = Number(yearText);
  const quarter = Number(quarterText);
  const { first, last } = quarterDays(year, quarter);
  const now = today ?? easternNow().slice(0, 10);
  if (first > now) return null;
  const lastReceived = last < now ? last : now;
  const listed = catalog.disseminatedBetween(first, lastReceived);
  const stamp = `${lastReceived}T22:12:32-05:00`;
  const render = (k: FullIndexKind) => Buffer.from(renderFullIndex(k, lastReceived, listed), 'latin1');
  if (kind === undefined) {
    const files = KINDS.flatMap((k) => {
      const idx = render(k);
      return [
        { name: `${k}.idx`, bytes: idx.length },
        { name: `${k}.gz`, bytes: gzipSync(idx).length },
      ];
    });
    return archived(Buffer.from(renderQuarterListing(year, quarter, lastReceived, files)), 'application/json', stamp);
  }
  const idx = render(kind as FullIndexKind);
  if (extension === 'gz') return archived(gzipSync(idx), 'application/x-gzip', stamp);
  return archived(idx, 'text/plain', stamp);
}

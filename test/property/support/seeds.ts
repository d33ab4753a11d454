/**
 * Valid inputs of every kind the parsers meet, written by the project's own fixtures in EDGAR's shapes (the
 * replica's VNET company: CORRESP in HTML, text and PDF, UPLOAD with PDF and TEXT-EXTRACT; its Atom feeds,
 * submissions JSON and daily indexes; the sample letters). The property suite mutates these.
 */
import { buildCatalog } from '../../replica/catalog.ts';
import { buildVnetCompany } from '../../replica/data/index.ts';
import type { ReplicaFiling } from '../../replica/dataset.ts';
import { renderCompanyFeed, renderCompanyListFeed, renderLatestFeed } from '../../replica/formats/browse-atom.ts';
import { renderDailyIndex } from '../../replica/formats/daily-index.ts';
import { renderFullIndex } from '../../replica/formats/full-index.ts';
import { renderSubmissions } from '../../replica/formats/submissions.ts';
import {
  renderHtml,
  renderPlainText,
  renderTextExtract,
  sampleCommentLetter,
  sampleResponseLetter,
} from '../../fixtures/render/index.ts';

export interface Seeds {
  /** Complete submissions (.txt) of letters, latin1 text, with the context buildLetter needs. */
  readonly letters: readonly { readonly accession: string; readonly filingDate: string; readonly text: string }[];
  /** Complete submissions of other forms. */
  readonly otherSubmissions: readonly string[];
  readonly html: readonly string[];
  readonly plainText: readonly string[];
  readonly textExtract: readonly string[];
  /** PDF letters, latin1 text of their bytes. */
  readonly pdf: readonly string[];
  /** uuencoded blocks ("begin 644 ..." to "end"). */
  readonly uuencoded: readonly string[];
  readonly atom: readonly string[];
  readonly submissionsJson: readonly unknown[];
  readonly dailyIndex: readonly string[];
  readonly fullIndex: readonly string[];
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const WWW = 'https://www.sec.gov';

function uuencodedBlocks(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^begin [0-7]{3} [^\n]*\n[\s\S]*?\nend\n/gm)) out.push(m[0]);
  return out;
}

let built: Promise<Seeds> | null = null;

/** Builds the seeds once per thread (rendering the PDFs takes a second). */
export function loadSeeds(): Promise<Seeds> {
  built ??= buildSeeds();
  return built;
}

async function buildSeeds(): Promise<Seeds> {
  const company = await buildVnetCompany();
  const isLetter = (f: ReplicaFiling) => f.form === 'CORRESP' || f.form === 'UPLOAD';
  const letters = company.filings.filter(isLetter);
  const documents = letters.flatMap((f) => f.documents);
  const text = (type: string | RegExp, ext: RegExp) =>
    documents.filter((d) => (typeof type === 'string' ? d.type === type : type.test(d.type)) && ext.test(d.filename));
  const catalog = buildCatalog({ companies: [company] });
  const listed = catalog.latest();
  const filings = catalog.filingsOf(company.cik);
  const submissions = renderSubmissions(company, filings, { recentLimit: 12, pageSize: 8 });
  const samples = [sampleCommentLetter(), sampleCommentLetter({ modern: true }), sampleResponseLetter()];
  return {
    letters: letters.map((f) => ({
      accession: f.accessionNumber,
      filingDate: f.filingDate,
      text: latin1(f.submissionText),
    })),
    otherSubmissions: company.filings
      .filter((f) => !isLetter(f))
      .slice(0, 3)
      .map((f) => latin1(f.submissionText)),
    html: [
      ...text(/.*/, /\.html?$/i).map((d) => latin1(d.bytes)),
      ...samples.map((s) => renderHtml(s, 'modern')),
      ...samples.map((s) => renderHtml(s, 'classic')),
    ],
    plainText: [...text('CORRESP', /\.txt$/i).map((d) => latin1(d.bytes)), ...samples.map((s) => renderPlainText(s))],
    textExtract: [
      ...text('TEXT-EXTRACT', /./).map((d) => latin1(d.bytes)),
      ...samples.map((s) => renderTextExtract(s)),
    ],
    pdf: text(/.*/, /\.pdf$/i)
      .map((d) => latin1(d.bytes))
      .slice(0, 4),
    uuencoded: letters.flatMap((f) => uuencodedBlocks(latin1(f.submissionText))).slice(0, 3),
    atom: [
      renderCompanyFeed({ www: WWW, company, filings, type: '', start: 0, count: 10 }),
      renderCompanyListFeed(WWW, [company], 'filenum=001-35126'),
      renderLatestFeed(WWW, listed.slice(0, 8), ''),
    ],
    submissionsJson: [JSON.parse(submissions.main), ...[...submissions.pages.values()].map((p) => JSON.parse(p))],
    dailyIndex: (['form', 'company', 'master', 'crawler'] as const).map((kind) =>
      renderDailyIndex(kind, letters[0]!.disseminationDate, listed.slice(0, 12), WWW),
    ),
    fullIndex: (['master', 'form', 'company'] as const).map((kind) =>
      renderFullIndex(kind, letters[0]!.disseminationDate, listed.slice(0, 12)),
    ),
  };
}

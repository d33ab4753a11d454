/**
 * The SGML header of a complete submission: `KEY:<tabs>VALUE` lines, `<TAG>value` lines, and entity blocks
 * (`FILER:`, `FILED FOR:`, `SUBJECT COMPANY:`, ... one per filer or co-registrant) holding sub-blocks
 * (`COMPANY DATA:`, `FILING VALUES:`, `FORMER COMPANY:`, addresses). Depth is read from the leading tabs,
 * with the well-known sub-block names recognised whatever their indentation.
 */
import { normalizeAccession, normalizeCik, normalizeFileNumber } from '../identifiers.ts';
import { compactDateToIso, easternTimestampToIso } from './eastern-time.ts';
import type { FormerName, SubmissionFiler, SubmissionHeader } from './types.ts';

const SUB_BLOCKS = new Set([
  'COMPANY DATA',
  'FILING VALUES',
  'BUSINESS ADDRESS',
  'MAIL ADDRESS',
  'FORMER COMPANY',
  'FORMER NAME',
  'OWNER DATA',
]);

interface RawBlock {
  readonly role: string;
  readonly sections: { readonly name: string; readonly fields: Map<string, string> }[];
}

/** Fields the header may hold before parsing makes sense of them; exposed for the error messages' accession. */
export interface RawHeader {
  readonly fields: Map<string, string>;
  readonly tags: Map<string, string>;
  readonly blocks: RawBlock[];
}

const TAG = /^<([A-Z][A-Z0-9-]*)>(.*)$/;

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * Splits a `KEY:<tabs>VALUE` line into its indentation, key and value (value trimmed of spaces and tabs), or
 * null. By hand, in one pass: the regex it replaces (`^([ \t]*)([^:\t<][^:\t]*?):[ \t]*(.*?)[ \t]*$`) was
 * quadratic on a long run of spaces. Same answers: the key runs from the indentation to the first colon and
 * holds no tab; when a colon or "<" follows the indentation directly, the key takes the indentation's last
 * character if that is a space.
 */
export function splitHeaderLine(line: string): { indent: string; key: string; value: string } | null {
  let keyStart = 0;
  while (keyStart < line.length && isBlank(line.charCodeAt(keyStart))) keyStart++;
  const colon = line.indexOf(':', keyStart);
  if (colon < 0) return null;
  if (keyStart === line.length || line[keyStart] === ':' || line[keyStart] === '<') {
    if (keyStart === 0 || line.charCodeAt(keyStart - 1) !== 32) return null;
    keyStart--;
  }
  if (line.lastIndexOf('\t', colon) >= keyStart) return null;
  let valueStart = colon + 1;
  let valueEnd = line.length;
  while (valueStart < valueEnd && isBlank(line.charCodeAt(valueStart))) valueStart++;
  while (valueEnd > valueStart && isBlank(line.charCodeAt(valueEnd - 1))) valueEnd--;
  const value = line.slice(valueStart, valueEnd);
  // "." in the old pattern stopped at a carriage return (or a line or paragraph separator): no match then.
  if (/[\r\u2028\u2029]/.test(value)) return null;
  return { indent: line.slice(0, keyStart), key: line.slice(keyStart, colon), value };
}

/** Splits header text into top-level fields, <TAG> lines and entity blocks. */
export function readHeader(text: string): RawHeader {
  const fields = new Map<string, string>();
  const tags = new Map<string, string>();
  const blocks: RawBlock[] = [];
  let block: RawBlock | null = null;
  let section: RawBlock['sections'][number] | null = null;

  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const tag = TAG.exec(line);
    if (tag) {
      if (!tags.has(tag[1]!)) tags.set(tag[1]!, tag[2]!.trim());
      continue;
    }
    const m = splitHeaderLine(line);
    if (!m) continue;
    const depth = m.indent.replace(/ {4}/g, '\t').replace(/ /g, '').length;
    const key = m.key.trim().toUpperCase();
    const value = m.value;
    if (value === '' && SUB_BLOCKS.has(key) && block) {
      section = { name: key, fields: new Map() };
      block.sections.push(section);
    } else if (value === '' && depth === 0) {
      block = { role: key.toLowerCase(), sections: [] };
      blocks.push(block);
      section = null;
    } else if (depth === 0 || !block) {
      // A top-level field ends the entity block it follows (e.g. PUBLIC REFERENCE ACCESSION NUMBER).
      block = null;
      section = null;
      if (!fields.has(key)) fields.set(key, value);
    } else if (section) {
      if (!section.fields.has(key)) section.fields.set(key, value);
    }
  }
  return { fields, tags, blocks };
}

function filerOf(block: RawBlock): SubmissionFiler | null {
  const data = block.sections.find((s) => s.name === 'COMPANY DATA' || s.name === 'OWNER DATA');
  const values = block.sections.find((s) => s.name === 'FILING VALUES');
  const cik = normalizeCik(data?.fields.get('CENTRAL INDEX KEY') ?? '');
  if (!data || !cik) return null;
  const formerNames: FormerName[] = block.sections
    .filter((s) => s.name === 'FORMER COMPANY' || s.name === 'FORMER NAME')
    .map((s) => ({
      name: s.fields.get('FORMER CONFORMED NAME') ?? s.fields.get('FORMER NAME') ?? '',
      dateOfChange: compactDateToIso(s.fields.get('DATE OF NAME CHANGE') ?? ''),
    }))
    .filter((f) => f.name !== '');
  const sic = data.fields.get('STANDARD INDUSTRIAL CLASSIFICATION') ?? null;
  const rawFileNumber = values?.fields.get('SEC FILE NUMBER') ?? null;
  return {
    role: block.role,
    cik,
    name: data.fields.get('COMPANY CONFORMED NAME') ?? data.fields.get('CONFORMED NAME') ?? '',
    formerNames,
    fileNumber: rawFileNumber === null ? null : (normalizeFileNumber(rawFileNumber) ?? rawFileNumber),
    formType: values?.fields.get('FORM TYPE') || null,
    fiscalYearEnd: data.fields.get('FISCAL YEAR END') || null,
    stateOfIncorporation: data.fields.get('STATE OF INCORPORATION') || null,
    // "ELECTRONIC COMPUTERS [3571]" -> "3571"
    sic: sic === null ? null : (/\[(\d{3,4})\]/.exec(sic)?.[1] ?? (sic || null)),
  };
}

/**
 * Every SEC FILE NUMBER of the header, EDGAR spelling, in order of appearance; a block may carry several
 * FILING VALUES sections.
 */
function fileNumbersOf(blocks: readonly RawBlock[]): string[] {
  const seen = new Set<string>();
  for (const block of blocks) {
    for (const section of block.sections) {
      const raw = section.name === 'FILING VALUES' ? section.fields.get('SEC FILE NUMBER') : undefined;
      if (!raw) continue;
      seen.add(normalizeFileNumber(raw) ?? raw);
    }
  }
  return [...seen];
}

/** The accession a raw header names, from ACCESSION NUMBER or else the <SEC-DOCUMENT> file name. */
export function accessionOf(raw: RawHeader, secDocumentLine: string | null): string | null {
  const fromField = normalizeAccession(raw.fields.get('ACCESSION NUMBER') ?? '');
  if (fromField) return fromField;
  const m = /(\d{10}-\d{2}-\d{6})/.exec(secDocumentLine ?? '');
  return m ? m[1]! : null;
}

/**
 * The header's facts. `secDocumentLine` is the `<SEC-DOCUMENT>name.txt : YYYYMMDD` line, whose date is the
 * dissemination date. Returns null for `submissionType` when CONFORMED SUBMISSION TYPE is missing.
 */
export function buildHeader(
  raw: RawHeader,
  accessionNumber: string,
  secDocumentLine: string | null,
): SubmissionHeader & { readonly warnings: readonly string[] } {
  const warnings: string[] = [];
  const count = raw.fields.get('PUBLIC DOCUMENT COUNT');
  const filedAsOf = raw.fields.get('FILED AS OF DATE') ?? null;
  const acceptance = raw.tags.get('ACCEPTANCE-DATETIME') ?? null;
  const dissemination = /:\s*(\d{8})\s*$/.exec(secDocumentLine ?? '')?.[1] ?? null;
  const filers: SubmissionFiler[] = [];
  for (const block of raw.blocks) {
    const filer = filerOf(block);
    if (filer) filers.push(filer);
    else if (block.sections.length > 0)
      warnings.push(`header block "${block.role}" has no COMPANY DATA with a CENTRAL INDEX KEY`);
  }
  const acceptanceDateTime = acceptance === null ? null : easternTimestampToIso(acceptance);
  if (acceptance !== null && acceptanceDateTime === null) {
    warnings.push(`<ACCEPTANCE-DATETIME> "${acceptance}" is not a YYYYMMDDhhmmss time`);
  }
  const filedAsOfDate = filedAsOf === null ? null : compactDateToIso(filedAsOf);
  if (filedAsOf !== null && filedAsOfDate === null) warnings.push(`FILED AS OF DATE "${filedAsOf}" is not a date`);
  return {
    accessionNumber,
    submissionType: raw.fields.get('CONFORMED SUBMISSION TYPE') ?? '',
    documentCount: count !== undefined && /^\d+$/.test(count) ? Number(count) : null,
    filedAsOfDate,
    acceptanceDateTime,
    disseminationDate: dissemination === null ? null : compactDateToIso(dissemination),
    filers,
    fileNumbers: fileNumbersOf(raw.blocks),
    publicReferenceAccession: normalizeAccession(raw.fields.get('PUBLIC REFERENCE ACCESSION NUMBER') ?? ''),
    privateToPublic: raw.tags.has('PRIVATE-TO-PUBLIC'),
    warnings,
  };
}

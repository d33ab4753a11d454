/** `show`: one letter, readable: its facts first, then its numbered items, then the whole text (terminal-safe). */
import type { Letter, Person } from '../letter/schema.ts';
import { terminalSafe } from './terminal-text.ts';

const person = (p: Person) => (p.title ? `${p.name} (${p.title})` : p.name);
const list = (values: readonly string[]) => (values.length > 0 ? values.join('; ') : '-');
const or = (value: string | null) => value ?? '-';

function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : `${prefix}${line}`))
    .join('\n');
}

export function formatLetter(letter: Letter): string {
  const lines: string[] = [];
  lines.push(`${letter.form} ${letter.accessionNumber} — ${letter.companyName} (CIK ${letter.cik})`);
  lines.push('');
  const facts: [string, string][] = [
    ['sender / kind', `${letter.sender} / ${letter.kind}`],
    ['letter date', or(letter.letterDate)],
    ['in response to', or(letter.inResponseTo)],
    ['filed', `${letter.filingDate}${letter.acceptanceDateTime ? ` (accepted ${letter.acceptanceDateTime})` : ''}`],
    ['public since', or(letter.disseminationDate)],
    ['file numbers', list(letter.fileNumbers)],
    ['filers', list(letter.filers.map((f) => `${f.name} (${f.cik})`))],
    [
      'references',
      list(
        letter.references.map((r) =>
          [r.form, r.fiscalYearEnd && `FYE ${r.fiscalYearEnd}`, r.filedDate && `filed ${r.filedDate}`, r.fileNumber]
            .filter(Boolean)
            .join(' '),
        ),
      ),
    ],
    ['reference accession', or(letter.referenceAccession)],
    ['addressees', list(letter.addressees.map(person))],
    ['SEC staff', list(letter.secStaff)],
    ['signatories', list(letter.signatories.map(person))],
    ['cc', list(letter.cc)],
    ['thread', or(letter.threadId)],
    ['text source', `${or(letter.textSource)}, ${letter.text.length} characters, parser ${letter.parserVersion}`],
    ['documents', list(letter.documents.map((d) => `${d.sequence} ${d.type} ${d.filename ?? '-'} ${d.bytes} bytes`))],
  ];
  const width = Math.max(...facts.map(([k]) => k.length));
  for (const [key, value] of facts) lines.push(`${key.padEnd(width)}  ${value}`);
  if (letter.warnings.length > 0) {
    lines.push('', 'warnings:');
    for (const w of letter.warnings) lines.push(`  - ${w}`);
  }
  if (letter.items.length > 0) {
    lines.push('', `items (${letter.items.length}):`);
    for (const item of letter.items) {
      const where = [item.headings.join(' > '), item.pageRef && `page ${item.pageRef}`].filter(Boolean).join(', ');
      lines.push(`  ${item.number}.${where ? ` [${where}]` : ''}`);
      if (item.comment) lines.push(indent(`comment: ${item.comment}`));
      if (item.response) lines.push(indent(`response: ${item.response}`));
    }
  }
  lines.push('', 'text:', '', letter.text.trimEnd(), '');
  return terminalSafe(lines.join('\n'));
}

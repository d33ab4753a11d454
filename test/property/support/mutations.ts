/**
 * Structure-aware inputs: a valid seed with a few mutations applied (cut short, tokens of its format inserted,
 * a stretch deleted or repeated, a huge run of one character, a character replaced), plus some plain random
 * text. Positions are fractions of the length, so that fast-check shrinks a failure towards the start.
 */
import fc from 'fast-check';

export type Mutation =
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'repeat'; readonly at: number; readonly length: number; readonly times: number }
  | { readonly op: 'run'; readonly at: number; readonly char: string; readonly length: number }
  | { readonly op: 'replace'; readonly at: number; readonly char: string };

/** Tokens that mean something to one parser or another: inserting them exercises its branches. */
export const TOKENS = [
  '<DOCUMENT>',
  '</DOCUMENT>',
  '<TEXT>',
  '</TEXT>',
  '<PDF>',
  '</PDF>',
  '<TYPE>',
  '<SEQUENCE>',
  '<FILENAME>',
  '<SEC-HEADER>',
  '</SEC-HEADER>',
  '<SEC-DOCUMENT>',
  '</SEC-DOCUMENT>',
  '\nFILER:\n',
  '\tCOMPANY DATA:\t\n',
  'ACCESSION NUMBER:\t',
  'CONFORMED SUBMISSION TYPE:\t',
  'begin 644 x\n',
  '\nend\n',
  'M',
  '`\n',
  '<p>',
  '</p>',
  '<b>',
  '<table>',
  '<tr>',
  '<td colspan="2000000000">',
  '</td>',
  '<br>',
  '<pre>',
  '</pre>',
  '<font style="font-size:1pt">',
  '<div style="page-break-before:always">',
  '<hr size="3">',
  '<!--',
  '<![CDATA[',
  '<PAGE>',
  '<TABLE>',
  '</TABLE>',
  '<S>',
  '<C>',
  '\f',
  '----------',
  '  ',
  '\t',
  '\r\n',
  '\n\n',
  '\u00a0',
  '1. ',
  '\n1.\n',
  'Comment 3:',
  'Response:',
  '(a) ',
  '• ',
  '[***]',
  '[',
  '*',
  'Page 2',
  'Dear Sir:',
  'Sincerely,',
  'Re: ',
  'File No. 001-35126',
  'Form 10-K',
  'January 3, 2014',
  '(202) 551-3712',
  'of the Staff',
  '/s/ ',
  'cc: ',
  'stream\n',
  'endstream',
  'obj',
  'endobj',
  'xref',
  'trailer',
  '<<',
  '>>',
  '/Encrypt',
  '/Length 99999999',
  '%%EOF',
  '<entry>',
  '</entry>',
  '<title>',
  '<company-info>',
  '<cik>',
  '<feed>',
  '|',
  '-'.repeat(40),
];

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const char = fc.oneof(
  fc.constantFrom(' ', '\n', '<', '[', '*', 'A', 'a', '1', '.', '-', '\t', '\0', '\u00e9', '\u2003'),
  fc.string({ minLength: 1, maxLength: 1 }),
);

/** One mutation; runs of one character up to `maxRun` long. */
export function mutation(maxRun: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ op: fc.constant('truncate' as const), at }),
    {
      arbitrary: fc.record({
        op: fc.constant('insert' as const),
        at,
        text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 })),
      }),
      weight: 4,
    },
    fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 2000 }) }),
    fc.record({
      op: fc.constant('repeat' as const),
      at,
      length: fc.integer({ min: 1, max: 400 }),
      times: fc.integer({ min: 2, max: 50 }),
    }),
    fc.record({ op: fc.constant('run' as const), at, char, length: fc.integer({ min: 1, max: maxRun }) }),
    { arbitrary: fc.record({ op: fc.constant('replace' as const), at, char }), weight: 2 },
  );
}

export function applyMutations(seed: string, mutations: readonly Mutation[]): string {
  let text = seed;
  for (const m of mutations) {
    const i = Math.floor(m.at * (text.length + 1));
    if (m.op === 'truncate') text = text.slice(0, i);
    else if (m.op === 'insert') text = text.slice(0, i) + m.text + text.slice(i);
    else if (m.op === 'delete') text = text.slice(0, i) + text.slice(i + m.length);
    else if (m.op === 'repeat') text = text.slice(0, i) + text.slice(i, i + m.length).repeat(m.times) + text.slice(i);
    else if (m.op === 'run') text = text.slice(0, i) + m.char.repeat(m.length) + text.slice(i);
    else text = text.slice(0, i) + m.char + text.slice(i + 1);
  }
  return text;
}

/** A seed from `seeds`, mutated 1 to 4 times (and now and then plain random text of the same alphabet). */
export function mutated(seeds: readonly string[], maxRun: number): fc.Arbitrary<string> {
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...seeds), fc.array(mutation(maxRun), { minLength: 1, maxLength: 4 }))
        .map(([seed, mutations]) => applyMutations(seed, mutations)),
      weight: 9,
    },
    fc
      .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), { maxLength: 60 })
      .map((p) => p.join('')),
  );
}

/** A JSON value with some subtrees replaced by other JSON values (the shape a parser trusts, broken). */
export function mutatedJson(seeds: readonly unknown[]): fc.Arbitrary<unknown> {
  const replacement = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(null, [], {}, '', 0, -1, 1e308, 'x'.repeat(1000)),
  );
  return fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 4 }), replacement), { minLength: 1, maxLength: 4 }),
    )
    .map(([seed, edits]) => {
      const value: unknown = structuredClone(seed);
      for (const [path, replacementValue] of edits) {
        let node = value;
        for (let depth = 0; depth < path.length; depth++) {
          if (node === null || typeof node !== 'object') break;
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const key = keys[path[depth]! % keys.length]!;
          if (depth === path.length - 1) (node as Record<string, unknown>)[key] = replacementValue;
          else node = (node as Record<string, unknown>)[key];
        }
      }
      return value;
    });
}

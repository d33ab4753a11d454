import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uudecode } from '../../../src/submission/uudecode.ts';

const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

// "%PDF-1.4\n" + 45 zero bytes + a binary tail, uuencoded the way EDGAR writes it: spaces for zeros, with the
// trailing spaces of the first line trimmed away.
const ORIGINAL = latin1('%PDF-1.4\n' + '\0'.repeat(45) + '\x00\x01\x02\xff\xfe binary tail\n%%EOF\n');
const EDGAR_STYLE = [
  'begin 644 filename1',
  'M)5!$1BTQ+C0*',
  'A              $"__X@8FEN87)Y(\'1A:6P*)25%3T8*',
  '',
  'end',
].join('\n');

describe('uudecode', () => {
  it('decodes EDGAR lines whose trailing spaces were trimmed and whose zeros are spaces', () => {
    const result = uudecode(EDGAR_STYLE);
    assert.ok(result.ok);
    assert.deepEqual(result.bytes, ORIGINAL);
    assert.equal(result.name, 'filename1');
  });

  it('decodes backticks and spaces alike, with CRLF line ends', () => {
    const withBackticks = EDGAR_STYLE.replace('A              ', 'A``````````````').replace(/\n/g, '\r\n');
    const result = uudecode(withBackticks);
    assert.ok(result.ok);
    assert.deepEqual(result.bytes, ORIGINAL);
  });

  it('reads a line of "M" alone as 45 zero bytes', () => {
    const result = uudecode('begin 644 zeros\nM\n`\nend\n');
    assert.ok(result.ok);
    assert.deepEqual(result.bytes, new Uint8Array(45));
  });

  const broken: [string, string, RegExp][] = [
    ['a character outside the uuencode alphabet', 'begin 644 x\nM)5!$1BTQ+C0*{{\n`\nend\n', /not a uuencode character/],
    [
      'a line longer than its length character allows',
      'begin 644 x\n#' + 'A'.repeat(40) + '\n`\nend\n',
      /characters for 3 bytes/,
    ],
    ['no begin line', 'M)5!$1BTQ+C0*\n`\nend\n', /no "begin" line/],
    ['no end line', 'begin 644 x\nM)5!$1BTQ+C0*\n', /no "end" line/],
    ['a lower-case length character', 'begin 644 x\nm)5!$1BTQ+C0*\n`\nend\n', /length character/],
  ];
  for (const [what, text, problem] of broken) {
    it(`reports ${what}`, () => {
      const result = uudecode(text);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.problem, problem);
    });
  }
});

describe('uudecode allocation', () => {
  it('allocates what the lines announce, not 45 bytes per line', () => {
    // 200,000 empty lines used to reserve 9 MB before reading a byte.
    const result = uudecode(`begin 644 x\n${'\n'.repeat(200_000)}#86)C\n\`\nend\n`);
    assert.ok(result.ok);
    assert.deepEqual(result.bytes, latin1('abc'));
    assert.equal(result.bytes.buffer.byteLength, 3);
  });

  it('refuses a document announcing more than maxBytes before decoding it', () => {
    const result = uudecode(`begin 644 x\n${'M\n'.repeat(1000)}\`\nend\n`, 0, undefined, { maxBytes: 44_999 });
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? null : result.oversize, { size: 45_000 });
  });
});

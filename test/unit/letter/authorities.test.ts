import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAuthorities } from '../../../src/letter/authorities.ts';
import { extendRef, splitCitationList } from '../../../src/letter/citation-lists.ts';

type Case = readonly [name: string, text: string, expected: readonly string[]];

const check = (cases: readonly Case[]) => {
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(findAuthorities(text), expected));
};

describe('authorities: the Codification', () => {
  check([
    [
      'a topic named three ways gives one ASC topic',
      'Apply FASB ASC Topic 606; see also ASC 606 and Topic 606.',
      ['ASC 606'],
    ],
    ['a paragraph keeps its precision, with no implied parent', 'Refer to ASC 606-10-25-19.', ['ASC 606-10-25-19']],
    [
      '"paragraph 606-10-50-5" without ASC is still the Codification',
      'as required by paragraph 606-10-50-5.',
      ['ASC 606-10-50-5'],
    ],
    [
      'a bare four-part number is a Codification paragraph',
      'See 842-20-50-4 for the maturity table.',
      ['ASC 842-20-50-4'],
    ],
    [
      '"and 50-12" is a second paragraph of the same subtopic',
      'See ASC 280-10-50-11 and 50-12.',
      ['ASC 280-10-50-11', 'ASC 280-10-50-12'],
    ],
    [
      '"and -20" is a second paragraph of the same section',
      'See ASC 606-10-50-17 and -20.',
      ['ASC 606-10-50-17', 'ASC 606-10-50-20'],
    ],
    [
      'a comma list gives each paragraph',
      'Refer to ASC 605-50-25-4, 25-7, and 25-9.',
      ['ASC 605-50-25-4', 'ASC 605-50-25-7', 'ASC 605-50-25-9'],
    ],
    ['a range keeps its first element', 'See ASC 350-30-35-1 through 4.', ['ASC 350-30-35-1']],
    [
      'a range inside a list drops only its end',
      'Refer to ASC 606-10-50-5 and 55-89 to 55-91.',
      ['ASC 606-10-50-5', 'ASC 606-10-55-89'],
    ],
    ['"through -4" ends a range', 'required by ASC 450-20-50-3 through -4.', ['ASC 450-20-50-3']],
    [
      '"paragraphs 2 through 4 of ASC 805-30-25"',
      'refer to paragraphs 2 through 4 of ASC 805-30-25.',
      ['ASC 805-30-25-2'],
    ],
    [
      'subparagraphs are written in parentheses',
      'See ASC 606-10-50-12b and ASC 842-20-50-4.g.1.',
      ['ASC 606-10-50-12(b)', 'ASC 842-20-50-4(g)(1)'],
    ],
    [
      '"(a) and (h)" give two subparagraphs',
      'Refer to ASC 350-20-50-1(a) and (h).',
      ['ASC 350-20-50-1(a)', 'ASC 350-20-50-1(h)'],
    ],
    ['industry subtopics have three digits', 'complies with ASC 944-605-25-3.', ['ASC 944-605-25-3']],
    ['SEC paragraphs keep their S99 section', 'Refer to ASC 250-10-S99-6.', ['ASC 250-10-S99-6']],
    ['two topics in one phrase', 'under ASC Topics 350 and 360', ['ASC 350', 'ASC 360']],
    ['a broken line in PDF text is joined', 'in accordance with ASC 280- 10-50-40.', ['ASC 280-10-50-40']],
    [
      'a number of years after a paragraph is not a paragraph',
      'ASC 842-10-15-3 and 10 years of data',
      ['ASC 842-10-15-3'],
    ],
  ]);
});

describe('authorities: Regulations S-K, S-X, M-A and G', () => {
  check([
    ['an item of Regulation S-K', 'Refer to Item 10(e) of Regulation S-K.', ['S-K 10(e)']],
    ['a deep item keeps every level', 'See Item 303(b)(2)(ii) of Regulation S-K.', ['S-K 303(b)(2)(ii)']],
    ['"Regulation S-K Item 10(e)" leads with the regulation', 'See Regulation S-K Item 10(e).', ['S-K 10(e)']],
    ['two items of one regulation', 'Items 303(a) and 303(b) of Regulation S-K', ['S-K 303(a)', 'S-K 303(b)']],
    [
      'a bare subparagraph replaces the one of its kind',
      'Refer to Item 10(e)(1)(i)(A) and (B) of Regulation S-K.',
      ['S-K 10(e)(1)(i)(A)', 'S-K 10(e)(1)(i)(B)'],
    ],
    ['"(a)-(b)" is a range', 'the requirements of Item 303(a)-(b) of Regulation S-K', ['S-K 303(a)']],
    [
      'an upper-case first subparagraph is lower-cased',
      'as required by Item 1303 (B)(2)(i) of Regulation S-K.',
      ['S-K 1303(b)(2)(i)'],
    ],
    ['a rule of Regulation S-X takes its form', 'Refer to Rule 3-05 of Regulation S-X.', ['S-X 3-05']],
    ['"Rule 4-08(e) of Regulation S-X"', 'See Rule 4-08(e) of Regulation S-X.', ['S-X 4-08(e)']],
    ['a bare article-rule number is Regulation S-X', 'does not comply with Rule 4-08(g).', ['S-X 4-08(g)']],
    [
      'two rules of Regulation S-X',
      'Refer to Rules 3-10(i) and 10-01(a)(4) of Regulation S-X.',
      ['S-X 3-10(i)', 'S-X 10-01(a)(4)'],
    ],
    ['"Rule 5-03(b)10" is 5-03(b)(10)', 'the amount in Rule 5-03(b)10 of Regulation S-X', ['S-X 5-03(b)(10)']],
    ['Article 11', 'Refer to Article 11 of Regulation S-X.', ['S-X Article 11']],
    ['a bare Article 11', 'pro forma information under Article 11', ['S-X Article 11']],
    ['Regulation M-A', 'See Item 1007(d) of Regulation M-A.', ['M-A 1007(d)']],
    ['a rule of Regulation G', 'permitted under Rule 100(b) of Regulation G.', ['Reg G 100(b)']],
    ['Regulation G itself', 'the requirements of Regulation G', ['Reg G']],
    ['a bare S-K item number', 'in accordance with Item 10(e)(1)(i)(A) to avoid prominence', ['S-K 10(e)(1)(i)(A)']],
    ['a bare M-A item number', 'the summary term sheet required by Item 1001', ['M-A 1001']],
    ['a form item of the filing is not an authority', 'Please revise Item 7 of your Form 10-K.', []],
    ['a heading-like "Item 1A" is not an authority', 'Item 1A. Risk Factors, page 12', []],
  ]);
});

describe('authorities: rules, sections and form items', () => {
  check([
    ['an Exchange Act rule', 'Rule 14a-9 prohibits misleading statements.', ['Rule 14a-9']],
    ['"Rules 13e-4(f)(5)" is one rule', 'in compliance with Rules 13e-4(f)(5)', ['Rule 13e-4(f)(5)']],
    ['"Securities Act Rule 430A" is a rule', 'under Securities Act Rule 430A', ['Rule 430A']],
    ['"Exchange Act Rule 12b-20" is a rule', 'See Exchange Act Rule 12b-20.', ['Rule 12b-20']],
    ['a rule of Regulation 14A stays a rule', 'Rule 14a-4(a)(3) of Regulation 14A', ['Rule 14a-4(a)(3)']],
    ["exchange listing rules are not the Commission's", 'under Nasdaq Listing Rule 5635(c)', []],
    ['court rules are not cited', 'filed a Rule 12(b)(6) motion', []],
    ['a bare Rule 100(b) is left out: Regulation G or S-T', 'under Rule 100(b)', []],
    [
      'sections of the Exchange Act',
      'subject to Section 13(a) or 15(d) of the Securities Exchange Act of 1934',
      ['Exchange Act Section 13(a)', 'Exchange Act Section 15(d)'],
    ],
    [
      'a section of the Securities Act',
      'in reliance on Section 5(d) of the Securities Act',
      ['Securities Act Section 5(d)'],
    ],
    ['"Exchange Act Section 27"', 'as provided in Exchange Act Section 27', ['Exchange Act Section 27']],
    ['a section with no act is left out', 'reportable under Section 13(r).', []],
    ['a form item', 'See Item 5 of Form 20-F.', ['Form 20-F Item 5']],
    ['an 8-K item through an instruction', 'See also Instruction 2 to Item 2.02 of Form 8-K.', ['Form 8-K Item 2.02']],
    ['a schedule item', 'the information required by Item 10 of Schedule TO', ['Schedule TO Item 10']],
    ['"Form 20-F Item 5" leads with the form', 'as Form 20-F Item 5 requires', ['Form 20-F Item 5']],
    [
      'an item of a form the company filed is a place, not an authority',
      'under Item 2.02 of Form 8-K filed on May 1',
      [],
    ],
  ]);
});

describe('authorities: staff guidance, updates, releases and IFRS', () => {
  check([
    ['SAB number', 'consider SAB No. 99 and SAB 108.', ['SAB 99', 'SAB 108']],
    ['SAB topic keeps the topic form', 'Refer to SAB Topic 1.M.', ['SAB Topic 1.M']],
    ['a colon in a SAB topic is a dot', 'Refer to Question 4 of SAB Topic 1:B.1.', ['SAB Topic 1.B.1']],
    ['a C&DI question', 'See Question 102.10 of the Non-GAAP C&DIs.', ['C&DI 102.10']],
    ['two C&DI questions', 'Questions 100.01 and 104.04 of the Non-GAAP C&DIs', ['C&DI 100.01', 'C&DI 104.04']],
    ['a C&DI written as an item', 'Refer to Item 102.11 of the non-GAAP C&DIs.', ['C&DI 102.11']],
    ['"C&DI 100.01"', 'as C&DI 100.01 explains', ['C&DI 100.01']],
    ['C&DIs without a number are not cited', 'the updated Compliance and Disclosure Interpretations', []],
    ['FRC', 'section 501.04 of the Codification of Financial Reporting Policies', ['FRC 501.04']],
    ['an ASU, its paragraph dropped', 'the objective in paragraph BC2 of ASU 2015-09', ['ASU 2015-09']],
    ['a release, its section dropped', 'Refer to Section III.B of Release No. 33-8350.', ['Release 33-8350']],
    ['a release with two numbers is one release', 'See Release Nos. 33-8350/34-48960.', ['Release 33-8350']],
    ['a Securities Act release numbered without its prefix', 'Securities Act Release No. 10825', ['Release 33-10825']],
    [
      'the title of a release is not cited',
      'Release No. 33-10825 (Oct. 8, 2020), "Changes to Regulation S-K Items 101 and 103"',
      ['Release 33-10825'],
    ],
    ['IFRS and IAS paragraphs are dropped', 'See IAS 36.130 and paragraph B34 of IFRS 15.', ['IAS 36', 'IFRS 15']],
    ['a Staff Legal Bulletin', 'refer to Section III.D of Staff Legal Bulletin No. 19.', ['SLB 19']],
    [
      'citations come once each, in order of first appearance',
      'Refer to ASC 606. Also Item 303 of Regulation S-K. ASC Topic 606 again.',
      ['ASC 606', 'S-K 303'],
    ],
    ['nothing named, nothing given', 'Please tell us why revenue declined.', []],
  ]);
});

describe('citation lists', () => {
  it('writes a bare subparagraph out in full from the one before', () => {
    assert.equal(extendRef('5-03(b)(1)', '(2)'), '5-03(b)(2)');
    assert.equal(extendRef('303(a)(3)(ii)', '(iii)'), '303(a)(3)(iii)');
    assert.equal(extendRef('3-10(i)', '(j)'), '3-10(j)');
  });
  it('drops the end of a range', () => {
    assert.deepEqual(splitCitationList('101 through 104, 105 and 106'), ['101', '105', '106']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAuthorities } from '../../../src/letter/authorities.ts';
import { classifyComment } from '../../../src/letter/classify-comment.ts';
import { TOPICS } from '../../../src/letter/schema.ts';
import { classifyTopics, scoreTopics } from '../../../src/letter/topics.ts';

const topicsOf = (comment: string, headings: string[] = []) =>
  classifyTopics({ comment, headings, authorities: findAuthorities(comment) });

describe('topics: the main topic comes first', () => {
  const cases: Array<[string, string, string[], string]> = [
    [
      'a principal-versus-agent question is revenue',
      'Tell us how you concluded that you are the principal versus agent for third-party sales. Refer to ASC 606-10-55-36.',
      ['Form 10-K for the Fiscal Year Ended December 31, 2023', 'Notes to Financial Statements'],
      'revenue',
    ],
    [
      'market segments of an industry are not reportable segments',
      'We note your statement that the industries in which you participate represent a $190 billion opportunity, and the opportunity in each of the four listed market segments. Please clarify what you mean by opportunity.',
      ['Information Statement Summary', 'Market Segment Opportunity'],
      'offering_transaction',
    ],
    [
      'a reconciliation of an adjusted measure is non-GAAP, even in MD&A',
      'Please reconcile Adjusted EBITDA to net income, the most directly comparable GAAP measure. Refer to Item 10(e)(1)(i)(B) of Regulation S-K.',
      ["Management's Discussion and Analysis", 'Results of Operations'],
      'non_gaap',
    ],
    [
      'the heading "Non-GAAP Financial Measures" decides a terse comment',
      'Please remove the table that adjusts revenue.',
      ["Management's Discussion and Analysis", 'Non-GAAP Financial Measures'],
      'non_gaap',
    ],
    [
      'quantifying the factors behind a change is results of operations',
      'Where you cite several factors for the increase in net sales, please quantify the impact of each factor.',
      ["Management's Discussion and Analysis", 'Fiscal 2023 Compared with Fiscal 2022'],
      'mda_results',
    ],
    [
      'cash held abroad is liquidity',
      'Please disclose the amount of cash held by foreign subsidiaries and the effect of repatriation on your liquidity.',
      ["Management's Discussion and Analysis"],
      'liquidity_capital',
    ],
    [
      'the CODM and aggregation are segments',
      'Tell us how your chief operating decision maker reviews results and how you aggregated operating segments. Refer to ASC 280-10-50-11.',
      [],
      'segments',
    ],
    [
      'reporting units at risk are impairment',
      'Please disclose whether any reporting unit is at risk of failing the goodwill impairment test.',
      ['Critical Accounting Estimates', 'Goodwill'],
      'impairment_fair_value',
    ],
    [
      'a purchase price allocation is a business combination',
      'Please tell us how you determined the purchase price allocation for the acquired business. Refer to ASC 805-20-25-1.',
      ['Note 4. Acquisitions'],
      'business_combinations',
    ],
    [
      'pro forma adjustments are a business combination',
      'Please explain pro forma adjustment (e) and how it is factually supportable.',
      ['Unaudited Pro Forma Condensed Combined Financial Information'],
      'business_combinations',
    ],
    [
      'a valuation allowance is tax',
      'Please explain why you released the valuation allowance on deferred tax assets this year.',
      ['Note 12. Income Taxes'],
      'tax',
    ],
    [
      'reasonably possible losses are legal and risk',
      'Please disclose an estimate of the reasonably possible loss for the litigation or state that one cannot be made. Refer to ASC 450-20-50-4.',
      ['Note 15. Commitments and Contingencies'],
      'legal_risk',
    ],
    [
      'climate effects are legal and risk',
      'Please discuss the physical effects of climate change on your operations.',
      ['Form 10-K for the Fiscal Year Ended December 31, 2021', 'General'],
      'legal_risk',
    ],
    [
      'the background of a merger is the transaction',
      'Please expand the background of the merger to describe the negotiation of the exchange ratio.',
      ['Registration Statement on Form S-4', 'The Merger', 'Background of the Merger'],
      'offering_transaction',
    ],
    [
      'filing an agreement as an exhibit is the offering',
      'Please file the supply agreement as an exhibit to the registration statement. See Item 601(b)(10) of Regulation S-K.',
      ['Draft Registration Statement on Form S-1', 'Business'],
      'offering_transaction',
    ],
    [
      "named executive officers' bonuses are compensation",
      'Please disclose how the compensation committee set the bonuses of the named executive officers. See Item 402(b) of Regulation S-K.',
      ['Definitive Proxy Statement on Schedule 14A', 'Compensation Discussion and Analysis'],
      'governance_compensation',
    ],
    [
      'a material weakness is governance and controls',
      'Please tell us how you concluded that the control deficiency was not a material weakness in internal control over financial reporting.',
      ['Item 9A. Controls and Procedures'],
      'governance_compensation',
    ],
    [
      'lease accounting is other accounting',
      'Please tell us how you measured the right-of-use assets for leases of stores. Refer to ASC 842-20-30-1.',
      ['Note 7. Leases'],
      'accounting_other',
    ],
    [
      'a subsection of MD&A named for an expense line is about results',
      'Please expand the table of the major components of this line item to explain what makes up the rest of it.',
      [
        "Management's Discussion and Analysis of Financial Condition and Results of Operations",
        'Research and Development Expenses',
      ],
      'mda_results',
    ],
    [
      "the board's recommendation of a merger is about the transaction, not governance",
      'Please define the term undisturbed share price the first time you use it.',
      ['The Transactions', 'Recommendation of the Board of Directors and its Reasons for the Transactions'],
      'offering_transaction',
    ],
    [
      'explanations for variances are results of operations',
      'In future filings, please give explanations for the variances in cost of products sold at a lower level.',
      [],
      'mda_results',
    ],
  ];
  for (const [name, comment, headings, first] of cases) {
    it(name, () => assert.equal(topicsOf(comment, headings)[0], first));
  }
});

describe('topics: the set', () => {
  it("reads MD&A's full title as the section, not as a comment on results of operations", () => {
    const topics = topicsOf('Please explain what you mean by capital expenditures net of financings in the table.', [
      'Form 10-K for the Fiscal Year Ended December 31, 2024',
      "Management's Discussion and Analysis of Financial Condition and Results of Operations",
      'Capital Expenditures',
    ]);
    assert.deepEqual(topics, ['liquidity_capital']);
  });

  it('keeps a second topic that scores half as much as the first', () => {
    const topics = topicsOf(
      'Please discuss in critical accounting estimates the goodwill impairment assumptions and how reasonably likely changes would affect the fair value of the reporting unit.',
      ["Management's Discussion and Analysis", 'Critical Accounting Estimates'],
    );
    assert.deepEqual(topics.slice(0, 2), ['impairment_fair_value', 'mda_results']);
  });
  it('gives one to three topics of the taxonomy', () => {
    const topics = topicsOf(
      'Tell us about revenue, segments, income taxes, leases, litigation, goodwill impairment and the proxy solicitation.',
    );
    assert.ok(topics.length >= 1 && topics.length <= 3);
    for (const t of topics) assert.ok((TOPICS as readonly string[]).includes(t));
  });
  it('reads customer acquisition as marketing, not as a business combination', () => {
    const marketing = topicsOf(
      'You describe discounts that drive user acquisition and the acquisition of new subscribers. Please quantify the spend on acquiring new users and the customer acquisition costs for each period.',
      ['Prospectus Summary', 'Our Growth Strategy'],
    );
    assert.ok(!marketing.includes('business_combinations'), marketing.join(', '));
    const deal = topicsOf(
      'Please tell us how you accounted for the acquisition of Acme Tools and what consideration you paid.',
    );
    assert.equal(deal[0], 'business_combinations');
  });
  it("reads a financial advisor's analyses as the transaction, not as a non-GAAP measure", () => {
    const topics = topicsOf(
      "You disclose that the advisor's contribution analysis compared EBITDA and capital expenditures of the two companies, and its selected public companies analysis gave an implied equity value range. Please disclose the inputs.",
      ['Opinion Analyses'],
    );
    assert.equal(topics[0], 'offering_transaction');
  });
  it('reads regulatory assets and receivables sold with recourse as accounting', () => {
    const utility = topicsOf(
      'Please describe the regulatory assets and regulatory liabilities in this table and state whether each is earning a return.',
      ['Notes to Financial Statements', 'Regulatory Assets and Liabilities'],
    );
    assert.equal(utility[0], 'accounting_other');
    assert.ok(!utility.includes('legal_risk'), utility.join(', '));
    const recourse = topicsOf(
      'Please describe the transactions in which receivables were sold with recourse and how often you entered into them.',
      ['Note 6. Accrued Liabilities'],
    );
    assert.equal(recourse[0], 'accounting_other');
  });
  it('reads an analysis of the change in operating cash flow as liquidity first, even asked as a variance', () => {
    const topics = topicsOf(
      'It is unclear how your discussion explains the change in operating cash flow from period to period. Please discuss the factors behind the decrease in operating cash, including the reasons for changes whose effect on cash is not apparent. Refer to Item 303(b) of Regulation S-K.',
      ["Management's Discussion and Analysis", 'Liquidity'],
    );
    assert.deepEqual(topics.slice(0, 2), ['liquidity_capital', 'mda_results']);
  });
  it('reads a key performance metric and a line shown excluding acquisitions as non-GAAP', () => {
    const metric = topicsOf(
      'You compute annualized recurring revenue from quarter-end subscription revenue. Please explain how the metric is used by management and how seasonal volume affects it. Refer to Release No. 33-10751.',
      ["Management's Discussion and Analysis", 'Fiscal 2024 Compared to Fiscal 2023', 'Key Metrics'],
    );
    assert.equal(metric[0], 'non_gaap');
    const excluding = topicsOf(
      'You present sales excluding acquisitions for each segment. Please tell us how the amounts for the acquired stores were computed.',
    );
    assert.ok(excluding.includes('non_gaap'), excluding.join(', '));
  });
  it('reads cohort data and spend retention as key metrics (non-GAAP), even under a trends heading', () => {
    const cohort = topicsOf(
      'Your graphic shows the order value of each consumer cohort by year since its first order. Please disclose how you define spend retention and why the earliest cohort spans more than one year.',
      ["Management's Discussion and Analysis", 'Key Trends'],
    );
    assert.equal(cohort[0], 'non_gaap');
    const backlog = topicsOf('Please quantify the factors behind the increase in backlog from period to period.', [
      "Management's Discussion and Analysis",
      'Key Trends',
    ]);
    assert.equal(backlog[0], 'mda_results');
  });
  it('reads a request to balance a summary with its risks and challenges as a risk disclosure', () => {
    const balance = topicsOf(
      'Please revise the summary to balance the description of your strengths with equally prominent disclosure of the challenges you will face as a standalone company after the separation.',
      ['Information Statement Summary'],
    );
    assert.equal(balance[0], 'legal_risk');
    const plain = topicsOf('Please revise the summary to describe the terms of the separation agreement.', [
      'Information Statement Summary',
    ]);
    assert.equal(plain[0], 'offering_transaction');
  });
  it('reads the discussion of segment results in MD&A as results, and segment reporting as segments', () => {
    const mda = topicsOf(
      'Please revise your discussion of segment results to quantify the factors behind the change in segment profit for each segment.',
      ["Management's Discussion and Analysis", 'Results of Operations by Segment'],
    );
    assert.equal(mda[0], 'mda_results');
    const note = topicsOf(
      'Please disclose segment profit for each segment and reconcile it to consolidated income before taxes.',
      ['Notes to Consolidated Financial Statements', 'Note 15. Segment Information'],
    );
    assert.equal(note[0], 'segments');
    const codm = topicsOf(
      'Please tell us how your chief operating decision maker uses segment profit to allocate resources to your reportable segments.',
      ["Management's Discussion and Analysis", 'Segment Results'],
    );
    assert.equal(codm[0], 'segments');
  });
  it('reads reserve disclosure as part of MD&A under MD&A, and as accounting elsewhere', () => {
    const comment =
      'Revise to quantify each factor behind the changes to your proved undeveloped reserves and explain why material amounts remain undeveloped after five years. Refer to Item 1203(d) of Regulation S-K.';
    const mda = topicsOf(comment, [
      'Form 10-K for the Fiscal Year Ended December 31, 2023',
      "Management's Discussion and Analysis",
      'Proved Undeveloped Reserves',
    ]);
    assert.equal(mda[0], 'mda_results');
    assert.ok(!mda.includes('accounting_other'), mda.join(', '));
    const properties = topicsOf(comment, [
      'Form 10-K for the Fiscal Year Ended December 31, 2023',
      'Properties',
      'Proved Reserves',
    ]);
    assert.equal(properties[0], 'accounting_other');
    const insurance = topicsOf('Please disclose the development of your claims reserves by accident year.', [
      'Notes to Consolidated Financial Statements',
      'Note 8. Reserve for Property and Casualty Claims',
    ]);
    assert.equal(insurance[0], 'accounting_other');
  });
  it('reads the effect of currency movements on results as MD&A, and translation policy as accounting', () => {
    const variance = topicsOf(
      'Throughout your MD&A you attribute part of the change in revenue between periods to foreign currency exchange fluctuations. Please explain how you quantify the impact of foreign currency exchange fluctuations.',
    );
    assert.deepEqual(variance, ['mda_results']);
    const policy = topicsOf(
      'Please disclose how you translate the financial statements of subsidiaries whose functional currency is not the U.S. dollar, and where foreign currency translation adjustments are recorded.',
      ['Note 2. Significant Accounting Policies'],
    );
    assert.equal(policy[0], 'accounting_other');
  });
  it('reads "Overview" and "Trends" as results only inside MD&A', () => {
    const comment = 'Please disclose the share of your orders that came from the new markets you describe.';
    assert.ok(!topicsOf(comment, ['Prospectus Summary', 'Overview']).includes('mda_results'));
    assert.ok(!topicsOf(comment, ['Business', 'Industry Trends']).includes('mda_results'));
    assert.equal(topicsOf(comment, ["Management's Discussion and Analysis", 'Overview'])[0], 'mda_results');
  });
  it('reads a quoted caption as a risk factor only under a risk factor section', () => {
    const comment = 'Please disclose the amounts behind this statement for each period presented.';
    const quoted = '"We are in the early stages of adoption . . ."';
    assert.ok(
      !topicsOf(comment, ["Management's Discussion and Analysis", 'Cohort Data', quoted]).includes('legal_risk'),
    );
    assert.equal(topicsOf(comment, ['Risk Factors', quoted])[0], 'legal_risk');
    assert.equal(topicsOf(comment, ['Risks Related to Our Business and Industry'])[0], 'legal_risk');
  });
  it("reads a transaction's income tax consequences as the transaction, not tax accounting", () => {
    const topics = topicsOf('Please remove the statement that the summary is for general information only.', [
      'Registration Statement on Form 10',
      'Material U.S. Federal Income Tax Consequences',
    ]);
    assert.deepEqual(topics, ['offering_transaction']);
  });
  it('reads FDA approval and the regulation of products as regulatory, but not Regulation S-X', () => {
    const topics = topicsOf(
      'Please describe the FDA approval process for your products and the regulation of your manufacturing facilities.',
      ['Information Statement Summary', 'Our Company'],
    );
    assert.equal(topics[0], 'legal_risk');
    assert.ok(!topicsOf('Please tell us how the subsidiary meets the test in Regulation S-X.').includes('legal_risk'));
  });
  it('does not read accounting headings that share words with other topics as those topics', () => {
    const comment = 'Please tell us the amounts and the periods in which they were recorded.';
    const mapped = (heading: string) =>
      scoreTopics({
        comment,
        headings: ['Form 10-K for the Fiscal Year Ended December 31, 2023', heading],
        authorities: [],
      }).map((s) => s.topic);
    assert.ok(!mapped('Summary of Significant Accounting Policies').includes('offering_transaction'));
    assert.ok(mapped('Prospectus Summary').includes('offering_transaction'));
    assert.ok(!mapped("Workers' Compensation Reserves").includes('governance_compensation'));
    assert.ok(!mapped('Customer Acquisition Costs').includes('business_combinations'));
    assert.ok(mapped('Note 3. Acquisitions').includes('business_combinations'));
    assert.ok(!mapped('Valuation of Inventories').includes('impairment_fair_value'));
  });
  it('reads a settlement of litigation as legal, not a cash settlement or settlement patterns', () => {
    const evidence = (comment: string) =>
      scoreTopics({ comment, headings: [], authorities: [] }).flatMap((s) => s.evidence);
    assert.ok(evidence('Please disclose the terms of the settlement with the plaintiffs.').includes('text:settlement'));
    for (const comment of [
      'The charges will require cash settlement. Please remove them from the measure.',
      'Please explain the differing settlement patterns of the liability and physical damage claims.',
      'Please tell us how you account for the settlement of derivative contracts.',
    ])
      assert.ok(!evidence(comment).some((e) => e.startsWith('text:settlement')), comment);
  });
  it('reads revenue by product and service as entity-wide segment disclosure, not any mention of products', () => {
    assert.equal(
      topicsOf(
        'Please disclose revenue from external customers for each product and service or each group of similar products and services.',
      )[0],
      'segments',
    );
    const climate = topicsOf('Please discuss climate regulation of your existing products and services.');
    assert.ok(!climate.includes('segments'), climate.join(', '));
  });
  it('reads offerings in the product sense as the business, and this offering as the offering', () => {
    const products = topicsOf(
      'We note the two new offerings for subscribers that you launched this year. Please briefly describe how you charge fees to restaurants for these offerings, if different from your other offerings.',
      ['Registration Statement on Form S-1', 'Business', 'Our Platform'],
    );
    assert.equal(products[0], 'revenue', products.join(', '));
    assert.equal(
      topicsOf(
        'Please disclose the net proceeds of this offering and of other offerings of securities in the last year.',
      )[0],
      'offering_transaction',
    );
  });
  it('reads the revenue streams of a line item as revenue', () => {
    const topics = topicsOf(
      'Please tell us the revenue streams included in the subscription and support line item and whether each should be shown separately.',
    );
    assert.ok(topics.includes('revenue'), topics.join(', '));
  });
  it('reads mineral resources and reserves of a technical report as accounting, not as the exhibit it is filed in', () => {
    const topics = topicsOf(
      'Please revise the mineral resource and reserve tables of the technical report summary to state the cut-off grade used for each deposit.',
      ['Form 10-K for the Fiscal Year Ended December 31, 2023', 'Exhibits'],
    );
    assert.equal(topics[0], 'accounting_other', topics.join(', '));
  });
  it('reads a derivative action as litigation, not as a derivative instrument', () => {
    const evidence = scoreTopics({
      comment:
        'Please disclose whether the exclusive forum provision applies to derivative actions and derivative suits.',
      headings: [],
      authorities: [],
    }).flatMap((s) => s.evidence);
    assert.ok(!evidence.some((e) => e.startsWith('text:derivative')), evidence.join('; '));
    assert.equal(topicsOf('Please tell us how you account for the interest rate derivatives.')[0], 'accounting_other');
  });
  it("reads the officers' certifications of a periodic report as governance, not as an offering's exhibits", () => {
    const text =
      'The certifications filed as Exhibits 31.1 and 31.2 leave out the language of paragraph 4 on internal control over financial reporting. Please file an amendment with complete certifications. Refer to Item 601(b)(31) of Regulation S-K.';
    assert.equal(
      topicsOf(text, ['Form 10-K for the Fiscal Year Ended June 30, 2024', 'Exhibits 31.1 and 31.2'])[0],
      'governance_compensation',
    );
    // Third parties' "certifications such as affidavits" are not the officers' certifications.
    const evidence = scoreTopics({
      comment:
        'Tell us whether you relied upon third party certifications such as affidavits. We note the Certification filed December 6, 2021 moved the listing.',
      headings: [],
      authorities: [],
    }).flatMap((s) => s.evidence);
    assert.ok(!evidence.some((e) => /certification/i.test(e)), evidence.join('; '));
  });
  it('reads crypto assets as accounting, though they are measured at fair value', () => {
    const text =
      'Please disclose the cost basis, fair value and number of units of each significant crypto asset you hold, with a rollforward of the balances. Refer to ASC 350-60-50-1.';
    assert.equal(topicsOf(text, ['Note 5. Digital Assets, page F-15'])[0], 'accounting_other');
  });
  it('reads the structure disclosure of a China-based issuer as a risk, not as VIE accounting', () => {
    const text =
      'Please disclose prominently that you are not a Chinese operating company but a Cayman Islands holding company that operates through contractual arrangements with a VIE, and that the PRC government could disallow this structure.';
    assert.equal(topicsOf(text, ['Item 1. Business'])[0], 'legal_risk');
    assert.equal(
      topicsOf(
        'Please describe how cash is transferred through your organization between the holding company, its subsidiaries and the VIE, and any restrictions on foreign exchange.',
        ['Item 1. Business'],
      )[0],
      'liquidity_capital',
    );
  });
  it('reads going concern as liquidity, not as the note it sits in', () => {
    const text =
      'Please revise to state clearly that substantial doubt about your ability to continue as a going concern has not been alleviated. Refer to ASC 205-40-50-13.';
    assert.equal(
      topicsOf(text, ['Notes to Financial Statements', 'Note 1. Organization and Basis of Presentation'])[0],
      'liquidity_capital',
    );
  });
  it('reads payments under a collaboration as a revenue question', () => {
    const text =
      'Please tell us how you concluded that your collaboration partner is not a customer for the development activities and how you account for its reimbursements. Refer to ASC 808-10-15-22.';
    assert.equal(topicsOf(text, ['Note 8. Collaboration Agreement, page F-20'])[0], 'revenue');
  });
  it('reads an estimate of other accounting under critical accounting estimates as the results discussion', () => {
    const headings = [
      'Form 10-K for the Fiscal Year Ended December 31, 2024',
      'Critical Accounting Estimates',
      'Allowance for Credit Losses, page 60',
    ];
    assert.equal(
      topicsOf(
        'Please describe the qualitative adjustment to the allowance for credit losses and how you measured it.',
        headings,
      )[0],
      'mda_results',
    );
    // An estimate with a topic of its own keeps it.
    assert.equal(
      topicsOf(
        'Please disclose the percentage by which the fair value of the reporting unit exceeded its carrying value and the goodwill allocated to it.',
        ['Critical Accounting Estimates', 'Goodwill, page 41'],
      )[0],
      'impairment_fair_value',
    );
    // Outside that section the allowance is other accounting.
    assert.equal(
      topicsOf(
        'Please describe the qualitative adjustment to the allowance for credit losses and how you measured it.',
        ['Note 5. Loans'],
      )[0],
      'accounting_other',
    );
  });
  it('reads user metrics and organic growth as key metrics', () => {
    assert.equal(
      topicsOf(
        'Please describe how you count daily active people and quantify the effect of the change in methodology on the user metrics of each period.',
        ['Trends in Our User Metrics, page 61'],
      )[0],
      'non_gaap',
    );
    assert.equal(
      topicsOf('Please explain why excluding fiduciary investment income from the measure is appropriate.', [
        'MD&A',
        'Organic Revenue Growth, page 39',
      ])[0],
      'non_gaap',
    );
  });
  it("reads the climate letters' goals, credits and reports as climate disclosure without the word", () => {
    assert.equal(
      topicsOf(
        'Please tell us how you considered disclosing that your net-zero goal is aspirational and the steps you have taken toward it.',
        ['Form 10-K for the Fiscal Year Ended December 31, 2021', 'General'],
      )[0],
      'legal_risk',
    );
    assert.equal(
      topicsOf(
        'Please tell us whether you filed an amendment under Item 1.05 of Form 8-K once you determined the incident was material.',
        ['Form 8-K filed October 20, 2023'],
      )[0],
      'legal_risk',
    );
  });
  it('reads how a metric is calculated as a question about the metric', () => {
    assert.equal(
      topicsOf(
        'Please clarify how you calculate comparable sales, including the treatment of the 53rd week and relocated stores.',
        ['MD&A', 'Comparable Sales, page 33'],
      )[0],
      'non_gaap',
    );
  });
  it('reads exit costs as accounting even when asked by segment', () => {
    assert.equal(
      topicsOf(
        'For each major type of cost, disclose the restructuring charges incurred to date and the liability rollforward by reportable segment. Refer to ASC 420-10-50-1.',
        ['Note 5. Restructuring, page F-24'],
      )[0],
      'accounting_other',
    );
  });
  it('reads Item 303(b)(1) as the liquidity discussion and the rest of Item 303 as results', () => {
    const liquidity = scoreTopics({
      comment: 'Please expand your discussion.',
      headings: [],
      authorities: ['S-K 303(b)(1)'],
    });
    assert.equal(liquidity[0]!.topic, 'liquidity_capital');
    const results = scoreTopics({
      comment: 'Please expand your discussion.',
      headings: [],
      authorities: ['S-K 303(b)(2)(ii)'],
    });
    assert.equal(results[0]!.topic, 'mda_results');
  });
  it('reads trading arrangements, insider trading policies and the clawback exhibit as governance', () => {
    assert.equal(
      topicsOf(
        'Please confirm whether any director or officer adopted or terminated a Rule 10b5-1 trading arrangement during the fourth quarter. Refer to Item 408(a) of Regulation S-K.',
        ['Item 9B. Other Information'],
      )[0],
      'governance_compensation',
    );
    assert.equal(
      topicsOf(
        'Please file your compensation recovery policy as Exhibit 97 as required by Item 601(b)(97) of Regulation S-K.',
        ['Item 15. Exhibits and Financial Statement Schedules'],
      )[0],
      'governance_compensation',
    );
  });
  it('reads a comment under a "Key Metrics" caption, and a request to define a metric, as key metrics', () => {
    const mda = "Management's Discussion and Analysis of Financial Condition and Results of Operations";
    assert.equal(
      topicsOf(
        'Please disclose the number of locations open at period end and explain how it relates to your results.',
        [mda, 'Key Metrics'],
      )[0],
      'non_gaap',
    );
    assert.equal(
      topicsOf(
        'You refer to engaged households throughout the filing. Please define this metric and explain why it is useful to investors.',
        [mda],
      )[0],
      'non_gaap',
    );
    assert.equal(
      topicsOf(
        'Please revise your definition of comparable store sales to explain how you treat stores closed for remodeling.',
        [mda, 'Comparable Store Sales'],
      )[0],
      'non_gaap',
    );
  });
  it('reads product liability and recall captions as legal matters', () => {
    assert.equal(
      topicsOf(
        'You recorded a $30 million increase in the accrual this quarter. Please tell us the reasons for the increase.',
        ['Notes to Condensed Consolidated Financial Statements', 'Note 11 - Product Liability'],
      )[0],
      'legal_risk',
    );
  });
  it("reads a climate scenario analysis and the company's responsibility report as climate disclosure", () => {
    assert.equal(
      topicsOf(
        'Please tell us how you considered the scenario analysis in your corporate responsibility report when preparing the filing.',
      )[0],
      'legal_risk',
    );
  });
  it('reads long-term contract estimates as revenue in the notes and as results under MD&A', () => {
    const comment =
      'Please disclose the amount of unapproved change orders included in the estimates at completion of your programs.';
    assert.equal(topicsOf(comment, ['Notes to Consolidated Financial Statements', 'Note 3 - Contracts'])[0], 'revenue');
    assert.equal(
      topicsOf(comment, ["Management's Discussion and Analysis", 'Critical Accounting Estimates'])[0],
      'mda_results',
    );
  });
  it('reads SAB Topic 11.M by the standard being adopted, not as other accounting', () => {
    assert.equal(
      topicsOf(
        'Please disclose the effect you expect from adopting ASC 606 and the transition method you will use. Refer to SAB Topic 11.M and ASC 250-10-S99-6.',
        ['Notes to Consolidated Financial Statements', 'Recently Issued Accounting Standards'],
      )[0],
      'revenue',
    );
  });
  it('reads an unquoted caption that reads as a risk factor as one, under a risk factor section', () => {
    const comment = 'Please describe how higher rates have affected your liquidity.';
    assert.equal(
      topicsOf(comment, ['Risk Factors', 'Rising interest rates could adversely affect demand for our homes'])[0],
      'legal_risk',
    );
  });
  it('falls back to other accounting when nothing names a topic', () => {
    assert.deepEqual(topicsOf('Please tell us more.'), ['accounting_other']);
  });
  it('explains a score by the cues it found', () => {
    const [top] = scoreTopics({
      comment: 'Explain the effective tax rate.',
      headings: [],
      authorities: ['ASC 740-10-50-12'],
    });
    assert.equal(top!.topic, 'tax');
    assert.ok(top!.evidence.includes('authority:ASC 740-10-50-12'), top!.evidence.join('; '));
  });
});

describe('a comment classified whole', () => {
  it('gives its topics, authorities and reissue', () => {
    assert.deepEqual(
      classifyComment({
        comment:
          'We reissue prior comment 2. Please disclose the measure of segment profit the CODM uses. Refer to ASC 280-10-50-22.',
        headings: ['Note 14. Segment Information'],
        priorComments: [2],
      }),
      { topics: ['segments'], authorities: ['ASC 280-10-50-22'], reissued: true },
    );
  });
  it('gives nothing for an item without comment text', () => {
    assert.deepEqual(classifyComment({ comment: null, headings: ['Revenue'], priorComments: [] }), {
      topics: [],
      authorities: [],
      reissued: false,
    });
  });
});

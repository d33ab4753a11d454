/**
 * The evidence for each topic of ../DESIGN.md "Topics": weighted cues read in a comment's text, in its headings
 * and in the authorities it cites. The tables are the whole of the topic model: to change what a topic means,
 * change its cues here; topics.ts only adds the weights up.
 *
 * Weights: 3-4 for a cue that alone names the topic ("performance obligation", "valuation allowance", ASC 740),
 * 2-2.5 for a strong hint, 1-1.5 for a word many topics share ("acquired", "fair value", "debt").
 */

import type { Topic } from './schema.ts';

export interface Cue {
  readonly topic: Topic;
  readonly weight: number;
  readonly pattern: RegExp;
  /** For a heading cue: counts only when a heading above the matching one matches this (its section). */
  readonly within?: RegExp;
  /** Counts for another topic when one of the comment's headings matches `section` (the part of the filing it is in). */
  readonly inSection?: { readonly section: RegExp; readonly topic: Topic };
}

const cue = (topic: Topic, weight: number, pattern: RegExp, within?: RegExp): Cue =>
  within === undefined ? { topic, weight, pattern } : { topic, weight, pattern, within };

/** The sections whose "Overview", "Trends" or "Executive Summary" discuss results: MD&A and its 20-F twin. */
const MDA_SECTION = /management'?s discussion|\bMD&A\b|operating and financial review/i;

/**
 * What a segment earned and where revenue came from: segment reporting in the notes, and the results discussion
 * when the comment is on MD&A ("revise your discussion of segment results").
 */
const segmentResultsCue = (weight: number, pattern: RegExp): Cue => ({
  topic: 'segments',
  weight,
  pattern,
  inSection: { section: MDA_SECTION, topic: 'mda_results' },
});

/**
 * Accounting in the financial statements, the properties section or an exhibit, and part of the results discussion
 * when the comment is on MD&A: reserves (oil and gas, mineral, insurance; "Changes in Proved Reserves", "Proved
 * Undeveloped Reserves" under MD&A) and restructuring (a restructuring note is exit-cost accounting, a
 * "Restructuring" caption in MD&A discusses its effect on results).
 */
const accountingOrResultsCue = (weight: number, pattern: RegExp): Cue => ({
  topic: 'accounting_other',
  weight,
  pattern,
  inSection: { section: MDA_SECTION, topic: 'mda_results' },
});

/** Risk factor sections: a quoted heading below one is a risk factor's caption. */
const RISK_SECTION = /risk factors|^risks?\s+(?:related|relating|associated|specific)\s+to\b/i;

/** Cues read in the comment's own text (citations masked, so "Regulation S-K" is not "regulation"). */
export const TEXT_CUES: readonly Cue[] = [
  // revenue
  cue(
    'revenue',
    3,
    /\brevenue recognition\b|\brecogni[sz](?:e|es|ed|ing)\b[^.]{0,50}\brevenues?\b|\brevenues?\b[^.]{0,30}\brecogni[sz]/i,
  ),
  cue(
    'revenue',
    3,
    /\bperformance obligations?\b|\btransaction price\b|\bvariable consideration\b|\bstand-?alone selling price/i,
  ),
  cue(
    'revenue',
    3,
    /\bprincipal (?:versus|vs\.?|or|and) (?:an )?agent\b|\bgross (?:versus|vs\.?|or) net\b|\bon a (?:gross|net) basis\b/i,
  ),
  cue(
    'revenue',
    2,
    /\bdeferred revenues?\b|\bcontract (?:liabilit|assets?\b)|\bunbilled\b|\bremaining performance\b|\bbill-and-hold\b/i,
  ),
  cue('revenue', 2, /\bdisaggregat\w*\b[^.]{0,40}\brevenues?|\brevenues?\b[^.]{0,40}\bdisaggregat/i),
  // How the company earns: its revenue streams and the fees or commissions it charges.
  cue(
    'revenue',
    2,
    /\brevenue streams?\b|\bhow you (?:charge|earn|bill)\b|\bcharge[sd]?\s+(?:\w+\s+){0,2}(?:commissions?|fees?)\b|\b(?:commissions?|fees?)(?: and (?:commissions?|fees?))? (?:you )?(?:charge[sd]?|collect(?:s|ed)?|earn(?:s|ed)?) (?:to|from)\b/i,
  ),
  cue(
    'revenue',
    1.5,
    /\bloyalty (?:program|points)|\bsales incentives?\b|\brebates?\b|\bright of return\b|\bcustomer (?:contracts?|arrangements?)\b|\blicen[cs]e (?:fees?|revenue)/i,
  ),
  // How long-term contracts are estimated (cost-to-cost, change orders, loss contracts): revenue accounting in the
  // notes, the results discussion when the comment is on MD&A (its changes in estimates and critical estimates).
  {
    topic: 'revenue',
    weight: 3,
    pattern:
      /\b(?:forward|anticipated) loss(?:es)?\b|\bloss(?:es)? on (?:long-term )?contracts?\b|\b(?:unapproved )?change orders\b|\bestimates? at completion\b|\bcumulative catch-up\b|\bpercentage[- ]of[- ]completion\b|\bcost-to-cost\b/i,
    inSection: { section: MDA_SECTION, topic: 'mda_results' },
  },
  // A collaborator may be a customer (ASC 808-10-15-22): payments under a collaboration are a revenue question.
  cue('revenue', 2, /\bcollaborat(?:ion|ive) (?:and licen[cs]e )?(?:arrangements?|agreements?|revenues?|partners?)\b/i),
  cue('revenue', 0.75, /\brevenues?\b/i),
  // non-GAAP
  cue('non_gaap', 5, /\bnon-?\s?GAAP\b/i),
  cue('non_gaap', 3, /\bundue prominence\b|\b(?:equal or )?greater prominence\b|\bmost directly comparable\b/i),
  cue(
    'non_gaap',
    2,
    /\badjusted (?:ebitda|ebit|net (?:income|earnings|loss)|earnings|eps|operating|free cash|gross|income|diluted|revenues?|funds)|\bebitda\b|\bfunds from operations\b|\bFFO\b/i,
  ),
  cue(
    'non_gaap',
    2,
    /\bfree cash flows?\b|\borganic (?:growth|revenues?|sales)\b|\bconstant currency\b|\bcurrency[- ]neutral\b|\bcore (?:earnings|operating|eps)\b|\breturn on invested capital\b/i,
  ),
  cue(
    'non_gaap',
    2,
    /\bkey (?:performance |operating |business )?(?:metrics?|indicators?|measures?)\b|\b(?:user|usage|engagement|customer|subscriber) metrics?\b|\b(?:daily|monthly) active (?:users|people|accounts)\b|\b[DM]AUs?\b|\bKPIs?\b|\boperating metrics?\b|\bgross merchandise value\b|\bGMV\b|\bGOV\b/i,
  ),
  cue('non_gaap', 4, /\bnormali[sz]ed (?:FFO|FAD|funds|EBITDA|earnings|net income|operating)|\bFAD\b|\bAFFO\b/i),
  // Key performance metrics (Release 33-10751) and a GAAP line shown "excluding" something: measures, not results.
  cue(
    'non_gaap',
    2.5,
    /\bannuali[sz]ed recurring revenues?\b|\bARR\b|\bnet (?:dollar |revenue )?retention\b|\b(?:spend|revenue|customer|user|dollar-based) retention\b|\bchurn\b|\baverage revenue per (?:user|unit|customer|member|subscriber)\b|\bARPU\b|\b(?:consumer|customer|user|subscriber) cohorts?\b|\bcohorts?\b[^.]{0,60}\b(?:retention|spend|contribution|order frequency|GOV|GMV)\b/i,
  ),
  cue(
    'non_gaap',
    3,
    /\b(?:revenues?|sales|gross (?:margin|profit)|earnings|net income|operating (?:income|expenses))\s+(?:line items?\s+)?excluding\s+(?:the\s+(?:impact|effects?)\s+of\s+)?(?:the\s+)?(?:acquisitions?|divestitures?|(?:foreign\s+)?currency|foreign exchange|fuel|special items|restructuring|amortization)\b/i,
  ),
  // How a metric is calculated or defined is a question about the metric, not the results it shows.
  cue(
    'non_gaap',
    3,
    /\bhow (?:you )?(?:calculate|define|compute|measure|derive)\b[^.]{0,40}\b(?:comparable|same[- ]store|metrics?|measures?|ratios?)\b|\b(?:comparable (?:store )?sales|same[- ]store sales)\b[^.]{0,60}\b(?:calculat|defin|comput)\w*|\b(?:definition|calculation|computation) of (?:your |the )?(?:comparable (?:store )?sales|same[- ]store sales)\b|\bdefine (?:this|the|each|these) (?:metrics?|measures?)\b/i,
  ),
  cue('non_gaap', 1, /\bearnings (?:release|call)s?\b|\bpress releases?\b|\binvestor presentations?\b/i),
  // MD&A results
  cue('mda_results', 3, /\bcritical accounting (?:estimates?|policies)\b/i),
  cue('mda_results', 2, /\bresults of operations\b/i),
  cue(
    'mda_results',
    2.5,
    /\bknown trends?\b|\btrends? (?:or|and) uncertaint|\bknown (?:events|uncertainties|demands)\b/i,
  ),
  cue(
    'mda_results',
    2.5,
    /\bquantif(?:y|ication|ied)\b[^.]{0,120}\b(?:factors?|drivers?|each (?:of|source)|components?|individual impact)|\b(?:factors?|reasons?|drivers?)\b[^.]{0,80}\b(?:increase|decrease|change|fluctuat|variance|decline)s?|\bexplanations? (?:for|of) (?:the )?(?:[\w-]+ )?(?:variances?|fluctuations?|changes)\b/i,
  ),
  cue(
    'mda_results',
    1.5,
    /\bperiod[- ]over[- ]period\b|\byear[- ]over[- ]year\b|\bcompared (?:to|with) (?:the )?(?:prior|previous) (?:year|period)|\bfrom period to period\b/i,
  ),
  cue(
    'mda_results',
    1.5,
    /\b(?:increases?|decreases?|declines?|changes?|growth)\s+in\s+(?:your\s+)?(?:net\s+|total\s+|consolidated\s+)?(?:sales|revenues?|gross (?:margin|profit)|operating (?:income|results|expenses)|cost of (?:sales|revenues?|goods))/i,
  ),
  cue(
    'mda_results',
    1,
    /\bmanagement'?s discussion\b|\bMD&A\b|\bgross margins?\b|\boperating margins?\b|\bsensitivity analysis\b|\breasonably likely\b/i,
  ),
  // What currency movements did to the results: an MD&A variance, not foreign currency accounting.
  cue(
    'mda_results',
    2,
    /\b(?:impacts?|effects?) of (?:changes in )?(?:foreign )?(?:currency|exchange rates?)(?: exchange)?(?: rates?)? (?:fluctuations?|movements?|changes?)\b|\bforeign currency (?:exchange )?(?:rates? )?(?:fluctuations?|movements?)\b/i,
  ),
  cue(
    'mda_results',
    1,
    /\bsame[- ]store\b|\bcomparable (?:store|sales)\b|\bbacklog\b|\bpricing\b|\bvolumes?\b|\binflation\b/i,
  ),
  // liquidity and capital resources
  cue('liquidity_capital', 3, /\bliquidity\b|\bcapital resources\b/i),
  cue(
    'liquidity_capital',
    2.5,
    /\b(?:cash|earnings)\b[^.]{0,40}\b(?:held (?:by|in|outside|abroad)|foreign subsidiaries)|\brepatriat/i,
  ),
  // The analysis of changes in operating cash flow is the liquidity discussion (Release 33-8350 IV.B), even when
  // it asks for the factors behind a change as a results discussion does.
  cue(
    'liquidity_capital',
    3,
    /\b(?:operating|investing|financing) (?:activities|cash(?: flows?)?)\b|\bcash (?:provided|used) (?:by|in)\b|\bcash flows? (?:from|used in|provided by) (?:operating|investing|financing)\b/i,
  ),
  cue('liquidity_capital', 2, /\bworking capital\b/i),
  // Whether the company can go on funding itself: going concern (ASC 205-40) is a liquidity question.
  cue('liquidity_capital', 3.5, /\bgoing concern\b|\bsubstantial doubt\b/i),
  // How cash moves between a holding company, its subsidiaries and a VIE (China-based issuers).
  cue(
    'liquidity_capital',
    3.5,
    /\bcash (?:is |are |was )?transferred\b|\btransfers? (?:of )?cash\b|\bcash transfers?\b/i,
  ),
  cue(
    'liquidity_capital',
    2,
    /\bcovenants?\b|\bcredit (?:facility|facilities|agreements?|lines?|ratings?)\b|\brevolving\b|\bgoing concern\b|\bsupplier financ|\bfactoring\b/i,
  ),
  cue(
    'liquidity_capital',
    1.5,
    /\bborrowings?\b|\bindebtedness\b|\bdebt\b|\bnotes due\b|\bsenior notes\b|\bterm loans?\b|\bmaturit(?:y|ies)\b|\bcontractual obligations\b|\bcapital expenditures?\b|\bdividends?\b|\b(?:share|stock) repurchases?\b/i,
  ),
  // segments
  cue('segments', 4, /\bchief operating decision maker\b|\bCODM\b|\breportable segments?\b|\boperating segments?\b/i),
  cue(
    'segments',
    3,
    /\bsegment (?:measures?|information|reporting|disclosures?|assets|managers?)\b|\baggregat\w*\b[^.]{0,60}\bsegments?\b/i,
  ),
  segmentResultsCue(3, /\bsegment (?:profit|results|revenues?|ebitda|operating|expenses?|level)\b/i),
  segmentResultsCue(
    2.5,
    /\bcountry of domicile\b|\bindividual (?:foreign )?countr(?:y|ies)\b|\bentity-wide\b|\bgeographic (?:area|information|regions?)\b|\brevenues? (?:from|by|for) (?:each )?(?:(?:group of )?similar )?products? (?:and|or) services?\b|\b(?:each|groups? of similar) products? (?:and|or) services?\b|\bmajor customers?\b/i,
  ),
  segmentResultsCue(1.5, /(?<!\bmarket )\bsegments?\b/i),
  // impairment and fair value
  cue('impairment_fair_value', 3, /\bimpair(?:ment|ments|ed)?\b|\breporting units?\b/i),
  cue(
    'impairment_fair_value',
    2,
    /\bgoodwill\b|\bfair value hierarchy\b|\blevel (?:2|3|two|three)\b|\bunobservable inputs?\b|\bvaluation (?:techniques?|methods?|models?|specialists?)\b/i,
  ),
  cue(
    'impairment_fair_value',
    1.5,
    /\bfair values?\b|\brecoverab(?:le|ility)\b|\bwrite-?downs?\b|\bcarrying (?:values?|amounts?)\b|\blong-lived assets?\b|\bintangible assets?\b|\bdiscounted cash flows?\b/i,
  ),
  // business combinations and dispositions
  cue(
    'business_combinations',
    3,
    /\bbusiness combinations?\b|\bpurchase price allocation\b|\ballocation of (?:the )?purchase price\b|\bpurchase accounting\b|\bbargain purchase\b|\bcontingent consideration\b|\bearn-?outs?\b|\bconsideration transferred\b|\bassets acquired\b/i,
  ),
  cue(
    'business_combinations',
    3,
    /\bpro forma\b|\bsignificant (?:subsidiary|acquisition)\b|\bsignificance tests?\b|\bpredecessor\b|\bacquired business\b/i,
  ),
  cue(
    'business_combinations',
    2.5,
    /\bdiscontinued operations?\b|\bheld for sale\b|\bdivestitures?\b|\bdispos(?:al|ition)s? of (?:a |the |your |its )?(?:business|segment|subsidiar)/i,
  ),
  cue(
    'business_combinations',
    1.5,
    // Not the marketing sense: "customer acquisition", "the acquisition of new consumers", "acquisition costs".
    /(?<!\b(?:customer|consumer|user|subscriber|member|merchant|client|patient|policyholder|account|talent|traffic|lead)s?[- ])\bacquisitions?\b(?! (?:costs?|channels?|spend|funnel|strateg(?:y|ies)|of (?:new )?(?:customers|consumers|users|subscribers|members|merchants|clients|patients)))|\bacquired\b|\bacquir(?:e|ing) (?:a|an|the)\b(?! (?:new |additional )?(?:customers?|consumers?|users?|subscribers?|members?|merchants?|clients?)\b)|\bdispositions?\b|\bsale of (?:the|your|its) (?:business|interest|subsidiary)/i,
  ),
  // tax
  cue(
    'tax',
    4,
    /\beffective (?:income )?tax rates?\b|\bvaluation allowances?\b|\bdeferred tax\b|\buncertain tax\b|\bunrecognized tax benefits?\b|\bincome tax (?:expense|benefit|provision|rate)s?\b|\bprovision for income tax/i,
  ),
  cue(
    'tax',
    3,
    /\btax (?:rates?|credits?|holidays?|reform|positions?|attributes|savings|receivable|payable|audits?|examinations?|jurisdictions?|matters agreement|receivable agreement)\b|\bnet operating loss|\bNOLs?\b|\bTax Cuts and Jobs Act\b|\bGILTI\b/i,
  ),
  cue('tax', 1, /\bincome tax(?:es)?\b|\btaxes\b|\btaxable\b/i),
  // legal and risk
  cue(
    'legal_risk',
    3,
    /\bloss contingenc|\bcontingenc(?:y|ies)\b|\breasonably possible\b|\bprobable (?:and|or) (?:reasonably )?estimable\b|\blitigation\b|\blawsuits?\b|\blegal proceedings\b|\bclass actions?\b/i,
  ),
  cue(
    'legal_risk',
    3,
    /\bclimate\b|\bgreenhouse\b|\bcarbon (?:credits?|offsets?|emissions?|pricing|tax)\b|\bcyber\w*\b|\bdata (?:breach|privacy|security)\b|\bsanctions?\b|\bIran\b|\bSyria\b|\bSudan\b|\bNorth Korea\b|\bCuba\b|\bFCPA\b|\bcorrupt\w*\b/i,
  ),
  cue(
    'legal_risk',
    2,
    /\bregulatory\b(?! (?:assets?|liabilit(?:y|ies)|accounting|capital)\b)|\bregulat(?:ors?|ions?)\b(?! (?:S-|G\b|M-A|FD\b|A\b|AB\b|D\b|S\b|M\b|SHO\b|BTR\b))|\bFDA\b|\bFood and Drug Administration\b|\bgovernment(?:al)? (?:investigations?|inquir|approvals?|agencies)\b|\benvironmental\b|\bsustainability\b|\bESG\b|\bconsent order\b|\benforcement\b|\bsubpoena|\bindemnif\w*\b|\bproduct liabilit|\bsettlements?\b(?<!\b(?:cash|net|share|gross|physical|stock|pension|early|claims?)\s+settlements?)(?!\s+(?:patterns?|dates?|periods?|prices?|of\s+(?:the\s+|your\s+|these\s+|such\s+)?(?:derivative|contract|position|hedge|forward|swap|liabilit|obligation|receivable|payable|pension|intercompany|trade|claims? (?:liabilit|reserve))))|\b(?:legal|pending|asserted|unasserted) claims\b|\bclaims (?:against|filed|asserted)\b|\bexclusive forum\b|\bforum selection\b/i,
  ),
  // A China-based issuer's structure and the PRC government's reach (the Division's 2021-2023 sample letters).
  cue(
    'legal_risk',
    4,
    /\b(?:not a )?(?:Chinese|PRC|China-based|Hong Kong) operating compan(?:y|ies)\b|\bChina-based (?:compan(?:y|ies)|issuers?)\b|\b(?:PRC|Chinese) (?:government|law|authorities)\b|\bgovernment of (?:the PRC|China)\b|\bChinese Communist Party\b|\bHolding Foreign Companies Accountable Act\b|\bHFCAA?\b|\bforeign jurisdictions? that prevents? inspections?\b/i,
  ),
  // The climate letters of 2021-2022 ask about goals, credits and reports without always saying "climate".
  cue(
    'legal_risk',
    3,
    /\bnet[- ]zero\b|\bCO2\b|\bGHG\b|\bdecarboni[sz]\w*|\bsustainability (?:reports?|goals?|targets?)\b|\b(?:corporate (?:social )?responsibility|ESG|impact) reports?\b|\b(?:climate )?scenario analys[ie]s\b|\bemissions? (?:reductions?|targets?|goals?)\b|\bCORSIA\b|\b(?:offset|emission) (?:credits?|allowances?|obligations?|purchases?)\b|\bcybersecurity incidents?\b|\bransomware\b/i,
  ),
  cue(
    'legal_risk',
    1.5,
    /\bCOVID|\bpandemic\b|\bRussia\b|\bUkraine\b|\bsupply chain disruptions?\b|\bgeopolitical\b|\bmaterial risks?\b|\bemissions?\b|\bweather\b/i,
  ),
  // offerings and transactions
  cue(
    'offering_transaction',
    3,
    /\btender offers?\b|\boffer to purchase\b|\bexchange offer\b|\bgoing[- ]private\b|\bfairness opinion\b|\bfinancial advisors?\b|\bbackground of the\b|\bexchange ratio\b|\bmerger consideration\b|\breasons for the (?:merger|transaction|offer)\b/i,
  ),
  // The analyses behind a financial advisor's opinion, named as the proxy or S-4 names them.
  cue(
    'offering_transaction',
    3,
    /\bcontribution analysis\b|\bselected (?:public |publicly traded |comparable )?(?:companies|transactions)\b|\bprecedent transactions?\b|\bpremiums? paid analys[ie]s\b|\bimplied (?:equity|enterprise|per[- ]share|exchange|ownership) (?:values?|ranges?|ratios?|contributions?)\b|\bimplied (?:equity|ownership) contribution\b/i,
  ),
  cue(
    'offering_transaction',
    3,
    /\bproxy (?:statement|card|materials|solicitation)|\bsolicit(?:ation|ations|ing|ed)?\b|\brevocation card\b|\brecord date\b|\bannual meeting\b|\bspecial meeting\b|\bshareholder (?:approval|vote)|\bstockholder (?:approval|vote)/i,
  ),
  cue(
    'offering_transaction',
    3,
    /\bas (?:an )?exhibits?\b|\bexhibit (?:index|list)\b|\bfile (?:the|this|these|such|your|any|all) (?:[\w-]+ ){0,3}(?:agreements?|contracts?|plans?)\b|\bmaterial contracts?\b|\blegal(?:ity)? opinion\b|\btax opinion\b|\bconsent of\b|\bconsents?\b[^.]{0,30}\b(?:required|experts?)\b|\bunderwrit\w*\b|\bplan of distribution\b|\buse of proceeds\b|\bdilution\b|\bselling (?:stock|share)holders?\b|\block-?up\b|\btesting[- ]the[- ]waters\b|\bwritten communications\b|\bemerging growth company\b/i,
  ),
  cue(
    'offering_transaction',
    2,
    // "Offerings" in the product sense ("new offerings for merchants", "use of these offerings", "our service
    // offerings") is the business; "this offering" and "offerings of securities" are the offering.
    /\bregistration statement\b|\bprospectus\b|(?<!\b(?:product|service|solution|platform|subscription|software|cloud|menu|new|additional)s?[- ])(?<!\b(?:these|those|other|such|our|your|its|their)\s)\bofferings?\b(?!\s+(?:for|to)\s+(?:merchants|customers|consumers|users|clients|members|partners|businesses|advertisers|patients|developers)\b)|\b(?:these|those|other|such|our|your|its|their)\s+offerings?\s+of\s+(?:securities|shares|stock|notes|units|debt|common|preferred)\b|\b(?:these|those|other|such|our|your|its|their)\s+offering\b|\bmerger agreement\b|\bthe merger\b|\bthe transactions?\b(?! price)|\bprojections\b|\bsynergies\b|\bspin-?off\b|\bthe (?:separation|distribution)\b|\bvot(?:e|es|ing)\b/i,
  ),
  cue(
    'offering_transaction',
    2.5,
    /\brights of (?:the )?(?:[\w'.&-]+ ){0,3}(?:share|stock)holders\b|\bcomparison of (?:share|stock)holder rights\b/i,
  ),
  cue(
    'offering_transaction',
    1,
    /\bprovide (?:support|the basis) for\b|\bmanagement'?s (?:opinion|belief)s?\b|\bsupplementally provide\b|\bsummary\b/i,
  ),
  // governance and compensation
  cue(
    'governance_compensation',
    4,
    /\bexecutive compensation\b|\bcompensation discussion\b|\bnamed executive officers?\b|\bsummary compensation table\b|\bpay versus performance\b|\bcompensation committee\b|\bclawback\b|\bsay-on-pay\b|\b(?:compensation|incentive compensation) recovery\b|\berroneously awarded\b|\b10b5-1\b|\btrading (?:arrangements?|plans?)\b|\binsider trading (?:policies|policy|procedures)\b/i,
  ),
  cue(
    'governance_compensation',
    3,
    /\brelated (?:part(?:y|ies)|persons?)\b|\bbeneficial(?:ly)? own\w*\b|\bprincipal (?:stock|share)holders?\b|\bcontrolled company\b|\bvoting (?:power|control)\b|\bdual[- ]class\b/i,
  ),
  cue(
    'governance_compensation',
    3,
    /\bdisclosure controls\b|\binternal control over financial reporting\b|\bICFR\b|\bmaterial weakness(?:es)?\b|\bcontrols and procedures\b|\bSection 404\b/i,
  ),
  // The officers' certifications of a periodic report (Exhibits 31 and 32, Rules 13a-14 and 15d-14) attest to its
  // controls: governance, not the exhibits of an offering.
  cue(
    'governance_compensation',
    4,
    /\b(?:officers?'?s?|CEO|CFO|required|Section (?:302|906)) certifications?\b|\bcertifications (?:filed|furnished|required|included|provided)\b|\bcertifications?\b[^.]{0,80}\b(?:internal control|paragraph 4|Exhibits? 3[12])|\bcertifying officers?\b|\bprincipal accounting officer\b/i,
  ),
  cue('legal_risk', 2.5, /\brisk factors?\b/i),
  // "Balance the summary with equally prominent disclosure of the risks and challenges": a request about the risks.
  cue(
    'legal_risk',
    5,
    /\bbalanc(?:e|ed|ing)\b[^.]{0,150}\b(?:risks?|challenges|weaknesses|drawbacks)\b|\b(?:risks?|challenges|weaknesses)\b[^.]{0,150}\bbalanc(?:e|ed|ing)\b/i,
  ),
  cue(
    'governance_compensation',
    3,
    /\bleadership structure\b|\blead (?:independent )?director\b|\bboard leadership\b|\bleadership of the board\b|\b(?:independent|non-executive) chair(?:man)?\b|\brisk oversight\b|\bemployment agreements?\b|\bgolden parachute|\b(?:board'?s?|board of directors'?) (?:role in )?(?:risk )?oversight\b|\bboard (?:diversity|committees?|composition)\b|\bchair(?:man)? and (?:the )?(?:CEO|chief executive)/i,
  ),
  cue(
    'governance_compensation',
    2,
    /\bbonus(?:es)?\b|\bincentive (?:plans?|compensation|awards?)\b|\bboard of directors\b|\bindependent directors?\b|\baudit committee\b|\bcorporate governance\b|\bdirectors\b|\bofficers\b/i,
  ),
  // other accounting
  cue(
    'accounting_other',
    3,
    /\bleases?\b|\bright-of-use\b|\bvariable interest\b|\bVIEs?\b|\bprimary beneficiary\b|\bequity method\b|\bnoncontrolling interests?\b|\bdeconsolidat\w*\b|\bpensions?\b|\bpostretirement\b|\bdefined benefit\b|\bderivatives?\b(?! (?:actions?|suits?|claims?|lawsuits?|litigation|proceedings?|complaints?|plaintiffs?)\b)|\bhedg\w*\b/i,
  ),
  cue(
    'accounting_other',
    2.5,
    /\bearnings per share\b|\btwo-class method\b|\binventor(?:y|ies)\b|\bstock-based compensation\b|\bshare-based (?:compensation|payment)\b|\bcheap stock\b|\bconvertible\b|\btemporary equity\b|\bredeemable\b|\bwarrants?\b|\bcredit losses\b|\ballowance for (?:loan|credit|doubtful)\b|\bCECL\b|\bforeign currency\b(?! (?:exchange )?(?:rates? )?(?:fluctuations?|movements?|changes?|impacts?|effects?)\b)|\bfunctional currency\b/i,
  ),
  cue(
    'accounting_other',
    2.5,
    /\bstatements? of cash flows\b|\bcash flow statements?\b|\bclassif(?:y|ied|ication)\b[^.]{0,60}\bcash flows?\b|\brestate\w*\b|\b(?:immaterial |accounting )?errors? (?:correction|in (?:the|your|previously))|\bSAB 99\b|\bchange in accounting principle\b|\bpreferab\w*\b|\bguarantors?\b|\bcondensed consolidating\b|\bparent (?:company )?only\b|\bcarve-?out\b|\bintercompany\b/i,
  ),
  // Rate-regulated accounting (ASC 980) and transfers of receivables (ASC 860) are accounting, not regulation or a deal.
  cue(
    'accounting_other',
    3,
    /\bregulatory (?:assets?|liabilit(?:y|ies)|accounting)\b|\brate[- ]regulated\b|\b(?:sold|sales?|transfers?) (?:of receivables )?with recourse\b|\btransfers? of (?:financial assets|receivables)\b|\bsales? of (?:trade |accounts )?receivables\b|\bsecuriti[sz]ation\b/i,
  ),
  // Mining property disclosure (S-K 1300): reserves and resources, like oil and gas reserves, are accounting_other.
  accountingOrResultsCue(
    3,
    /\bmineral (?:resources?|reserves?)\b|\bcut-?off grades?\b|\btechnical report summar(?:y|ies)\b|\b(?:resources?|resource) and reserves?\b|\bqualified persons?\b/i,
  ),
  // Exit costs (ASC 420): accounting, even when the charges are also asked by segment.
  cue(
    'accounting_other',
    2.5,
    /\brestructuring (?:charges?|costs?|plans?|programs?|reserves?|liabilit(?:y|ies)|activities)\b|\bexit (?:costs?|activities)\b|\bone-time termination benefits\b/i,
  ),
  cue(
    'accounting_other',
    2,
    /\breinsurance\b|\bpremiums?\b|\bloss adjustment expenses?\b|\bpolicyholders?\b|\bdeferred acquisition costs\b|\bloans?\b|\bdeposits\b|\bcharge-?offs?\b|\bdepletion\b|\bdepreciation\b|\bcapitaliz(?:e|ed|ation of)\b|\bequity investments?\b|\binvestment (?:securities|portfolio)\b/i,
  ),
  accountingOrResultsCue(2, /\breserves?\b|\bPUDs?\b|\bdrilling locations?\b|\bmineral\b/i),
  // Crypto assets (ASC 350-60) and the safeguarding of customers' crypto are accounting, though measured at fair value.
  cue(
    'accounting_other',
    3.5,
    /\bcrypto[- ]?(?:assets?|currenc(?:y|ies))\b|\bdigital assets?\b|\bsafeguarding (?:liabilit(?:y|ies)|assets?|obligations?)\b|\bbitcoin\b|\bstablecoins?\b/i,
  ),
  cue(
    'accounting_other',
    1,
    /\bline items?\b|\bincome statement\b|\bbalance sheets?\b|\bstatements? of (?:operations|income|earnings|financial position|comprehensive)\b|\bpresent(?:ation|ed)? (?:separately|on the face)\b|\bseparately (?:present|disclose|state)\b|\baccounting (?:policy|policies|treatment|literature|guidance)\b|\baccount(?:ed|ing)? for\b|\bcost of (?:sales|revenues?|goods sold)\b|\bfinancial statements\b|\breceivables?\b|\baudit(?:or|ors|s|ed)?\b|\bequity\b/i,
  ),
];

/** Cues read in the comment's headings: the deepest heading is the strongest evidence (topics.ts). */
export const HEADING_CUES: readonly Cue[] = [
  cue(
    'non_gaap',
    5,
    /non-?\s?GAAP|Regulation G|adjusted ebitda|key (?:(?:performance|business|operating) )?(?:indicators|metrics|measures)|\bKPIs?\b|funds from operations|free cash flow|\b(?:operating|user|usage|engagement|customer|subscriber) metrics|organic (?:revenue|sales|growth)/i,
  ),
  cue(
    'revenue',
    5,
    /revenue recognition|performance obligations|deferred revenue|contract (?:assets|liabilities)|^revenues?$|^note \d+\W+revenues?\b|revenue (?:and expense )?recognition/i,
  ),
  cue(
    'segments',
    5,
    /\bsegments? (?:information|reporting|data|results|disclosures?|profit|measures?|and (?:geographic|related))|reportable segments|operating segments|business segments|^(?:note \d+\W+)?segments?$|geographic (?:areas|information)|entity-wide/i,
  ),
  cue(
    'tax',
    5,
    // A transaction's "Material U.S. Federal Income Tax Consequences" are the offering's (cue below), not tax accounting.
    /income tax(?!\s+consequences)|^taxes$|^note \d+\W+(?:income )?taxes|provision for (?:income )?taxes|tax rate|tax matters|tax receivable/i,
  ),
  cue(
    'mda_results',
    3.5,
    /critical accounting|results of operations|operating results|compared (?:to|with)|\bto fiscal year\b|comparison of (?:the )?(?:years|fiscal|results|three|six|nine)|business review|operations review/i,
  ),
  // Generic captions say "results" only inside MD&A: a prospectus summary's "Overview", a proxy's "Executive
  // Summary" or a business section's "Industry Trends" are not a results discussion.
  cue('mda_results', 3.5, /executive (?:overview|summary)|factors affecting|trends|^overview$/i, MDA_SECTION),
  cue('mda_results', 2.5, /management's discussion|\bMD&A\b/i),
  // A subsection of results named for an income statement line: "Engineering, Selling and Administrative Expenses".
  cue(
    'mda_results',
    3,
    /^(?!(?:accrued|prepaid|deferred|other accrued)\b)[\w,&' -]*\bexpenses$|^cost of (?:sales|revenues?|goods|products)|^gross (?:margin|profit)$|^operating (?:income|results)$|^net sales$/i,
  ),
  cue('mda_results', 3, /market risk|interest rate (?:risk|sensitivity)/i),
  cue('accounting_other', 4, /(?:stock|share|equity)[- ]based compensation/i),
  cue(
    'liquidity_capital',
    5,
    /liquidity|capital resources|cash flows? (?:discussion|analysis)|^cash flows?$|indebtedness|^debt$|borrowings|contractual obligations|funding sources|financing arrangements/i,
  ),
  cue(
    'impairment_fair_value',
    5,
    /goodwill|impairment|intangible assets|fair value|write-?downs?|valuation of(?! (?:inventor|deferred tax))/i,
  ),
  cue(
    'business_combinations',
    5,
    // Not the marketing sense: "Customer Acquisition", "Acquisition Costs" (as the text cue below).
    /(?<!\b(?:customer|consumer|user|subscriber|member|merchant|client|patient|policyholder|talent)s?[- ])acquisitions?(?! (?:costs?|channels?|spend|strateg(?:y|ies)))|business combinations?|purchase (?:price|accounting)|pro forma|discontinued operations|dispositions?|divestitures?|held for sale/i,
  ),
  cue(
    'legal_risk',
    4,
    /contingenc|legal proceedings|litigation|product liabilit|recalls?\b|risk factors|prevent inspections|^risks?\s+(?:related|relating|associated|specific)\s+to\b|environmental|climate|cyber|sustainability|ESG|regulat(?:ion|ory)(?! G| (?:assets?|liabilit(?:y|ies)|accounting|capital)\b)|consent order|government/i,
  ),
  cue(
    'offering_transaction',
    4,
    /background of|opinion of|fairness|the transactions?$|the merger|merger agreement|plan of distribution|underwriting|use of proceeds|dilution|^capitalization$|description of (?:capital|securities|share)|the offering|legal opinion|signatures|cover page|questions and answers|revocation card|proxy card|stockholder rights|shareholder rights|selling (?:stock|share)holders|conditions to|the separation|the distribution|reasons for|projected financial|projections|synergies|interests of (?:directors|certain)|federal income tax consequences|form of proxy/i,
  ),
  // A quoted caption is a risk factor's only under a risk factor section; elsewhere it quotes the filing's text.
  cue('legal_risk', 4, /^["\u201c]/, RISK_SECTION),
  // So is an unquoted caption that reads as a risk factor's sentence ("Changes in trade policy could adversely ...").
  cue(
    'legal_risk',
    4,
    /\b(?:could|may|might|would|will)\b(?:\s+\S+){0,6}?\s+(?:adversely|negatively|materially|harm|hurt|affect|impact|disrupt|limit|reduce|result)/i,
    RISK_SECTION,
  ),
  cue('offering_transaction', 4, /^exhibits?$|^exhibit (?:5|8|23)\.\d/i),
  cue('governance_compensation', 5, /^exhibits? 3[12]\b|certifications?/i),
  cue(
    'offering_transaction',
    1.5,
    /prospectus summary|^summary(?!\s+of\s+(?:(?:the\s+)?significant|critical|(?:principal\s+)?accounting))|information statement summary/i,
  ),
  accountingOrResultsCue(4, /oil and gas|proved|reserves/i),
  cue(
    'governance_compensation',
    5,
    // "Recommendation of the Board of Directors and its Reasons for the Merger" is about the transaction.
    /^(?!.*\b(?:recommendation of|reasons for)\b).*?(?:(?<!(?:stock|share|equity)[- ]based |workers'? |workmen'?s )compensation|related part(?:y|ies)|certain relationships|beneficial owner|security ownership|principal (?:stock|share)holders|corporate governance|controls and procedures|internal control|directors|board of|executive officers)/i,
  ),
  cue(
    'accounting_other',
    4,
    /leases?$|crypto|digital assets|safeguarding|regulatory (?:assets|liabilities)|consolidation|variable interest|equity method|earnings per share|inventor|pension|retirement|derivative|hedg|stockholders'? equity|shareholders'? equity|loans|allowance for|credit losses|reserve for|reinsurance|guarantor|condensed consolidating|subsequent events?|revision|restatement|statements? of (?:cash flows|operations|income|earnings|comprehensive|shareholders|stockholders)|balance sheets?|basis of presentation|change in accounting/i,
  ),
  cue(
    'accounting_other',
    1.5,
    /significant accounting policies|accounting policies|financial statements|notes to|report of independent/i,
  ),
  accountingOrResultsCue(4, /restructuring|exit (?:costs|activities)/i),
];

/** A filing named in the headings: a registration statement, proxy or tender offer leans to offering_transaction. */
export const FILING_CUE: Cue = cue(
  'offering_transaction',
  1.5,
  /registration statement|\bForm (?:S-\d|F-\d|10(?:-12[BG])?(?![\w-])|8-A)|proxy|Schedule (?:14[AC]|TO|13E-3)|offer to purchase|prospectus|information statement|\bDRS\b/i,
);

/** Cited authorities, by prefix of their normalised form (authorities.ts). */
export const AUTHORITY_CUES: readonly Cue[] = [
  cue('revenue', 4, /^ASC (?:60[56]|340-40)\b|^SAB Topic 13\b/),
  cue('revenue', 3, /^ASC 808\b/),
  cue('non_gaap', 4, /^S-K 10\(e\)|^Reg G\b|^C&DI 10[0-4]\.|^Form 8-K Item 2\.02|^Release 33-10751\b/),
  // Item 303(b)(1) of S-K (since 2020) is the liquidity and capital resources discussion.
  cue('liquidity_capital', 2, /^S-K 303\(b\)\(1\)/),
  cue('mda_results', 2, /^S-K 303(?!\(b\)\(1\))\b|^Release 33-(?:8350|6835|10890)\b|^FRC 501\./),
  cue('segments', 4, /^ASC 280\b/),
  cue('impairment_fair_value', 4, /^ASC (?:350(?!-60)|360|820)\b|^ASC 323-10-35-3[12]/),
  cue('business_combinations', 4, /^ASC 805\b|^S-X (?:3-05|3-14|Article 11|11-)|^ASC 205-20\b|^ASC 360-10-45-9/),
  cue('tax', 4, /^ASC 740\b/),
  cue('liquidity_capital', 4, /^ASC 205-40\b/),
  cue(
    'legal_risk',
    4,
    /^ASC 450\b|^Form 8-K Item 1\.05\b|^Sarbanes-Oxley Act Section 104\(i\)|^SAB Topic 5\.Y|^S-K (?:103|105|106|15\d\d)\b|^Exchange Act Section 13\(r\)|^Release 33-9106\b|^ASC 410-30\b/,
  ),
  cue(
    'offering_transaction',
    4,
    /^Rule (?:13e|14[ade]|425|430|424|433|405|436|462|461|163|164|168|169)|^Securities Act Section [57]\b|^Schedule |^M-A |^S-K (?:5\d\d|601(?!\(b\)\((?:3[12]|97|19)\))|1001|1015)\b|^Form (?:S|F)-|^SLB\b|^Form 10 Item/,
  ),
  cue(
    'governance_compensation',
    4,
    /^S-K (?:40[1-8]|30[78]|601\(b\)\((?:3[12]|97|19)\))|^Rule (?:13a|15d)-14\b|^Rule 10b5-1\b|^Form 20-F Item 16J\b|^C&DI (?:11[7-9]|12[0-8])\.|^Rule 13a-15|^Release 33-8810\b|^Sarbanes-Oxley(?! Act Section 104\(i\))|^ASC 850\b/,
  ),
  cue(
    'accounting_other',
    3,
    /^ASC 350-60\b|^ASC (?:205(?!-20|-40)|(?!205)2[0-7]\d(?!-20|-10-S99)|3[0-3]\d|4[0-4]\d|4[6-9]\d|5\d\d|610|7[0-35-9]\d|8[13-46-9]\d|9\d\d)\b|^S-X (?!3-05|3-14|Article 11|11-|4-10)|^SAB (?!Topic 5\.Y|Topic 13|Topic 11\.M)|^ASU /,
  ),
  // Oil and gas (S-K 1200, S-X 4-10) and mining (S-K 1300) disclosure.
  accountingOrResultsCue(3, /^S-K 1[23]\d\d\b|^S-X 4-10\b/),
];

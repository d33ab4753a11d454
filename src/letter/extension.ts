/**
 * Whether a company letter asks the staff for more time to answer its comments (../DESIGN.md kind
 * `extension_request`): it requests an extension or additional time, or tells the staff the date by which it will
 * respond ("intends to file its response by May 6", "we anticipate that our response will be submitted no later
 * than ..."), often confirming a call with the staff. A receipt acknowledged with no word of timing is not one.
 */

const TIME = String.raw`(?:an?\s+|the\s+|its\s+|our\s+|a\s+(?:small|short|brief|further)\s+|further\s+)?(?:(?:\d+|ten|five|fifteen|twenty|thirty)[\s-]+(?:(?:business|calendar)[\s-]+)?days?[\s-]+)?(?:extension|additional\s+(?:\w+\s+){0,3}(?:time|days)|more\s+time|further\s+time)`;

const ASKS = [
  new RegExp(
    String.raw`\b(?:request(?:s|ed|ing)?|seek(?:s|ing)?|ask(?:s|ed|ing)?\s+for|require(?:s|d)?|need(?:s|ed)?)\s+(?:that\s+(?:the\s+)?(?:Staff|Commission)\s+(?:grant|provide)\s+)?${TIME}\b`,
    'i',
  ),
  /\bextension\s+(?:of\s+(?:the\s+|our\s+|its\s+)?(?:time|deadline|due\s+date|response\s+(?:date|deadline|period)|original\s+due\s+date|expected\s+timing)|until\b|to\s+(?:respond|submit|file|provide)\b|for\s+(?:the\s+)?(?:company|registrant)\s+to\s+respond)/i,
  /\b(?:response|reply)\s+(?:date|deadline|period)\s+be\s+extended\b|\bextend\s+(?:the\s+)?(?:reply|response|due)\s+(?:date|deadline|period)\b/i,
  /\b(?:will|intends?\s+to|expects?\s+to|plans?\s+to|anticipates?\s+(?:being\s+able\s+)?to)\s+(?:respond\b|(?:submit|file|provide|furnish)\s+(?:(?:its|our|a|the|their|this|such)\s+)?(?:[\w-]+\s+)?(?:response|responses|reply)\b)[^.]{0,120}\b(?:no\s+later\s+than|on\s+or\s+(?:before|about)|by\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday),?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/i,
  /\b(?:anticipates?|expects?)\s+(?:that\s+)?(?:its|our|the\s+company's|the\s+registrant's)\s+response\s+will\s+be\s+(?:submitted|filed|provided)\b/i,
  // "is finalizing its response, which it intends to submit no later than October 15".
  /\bresponse,?\s+which\s+(?:it|we|the\s+company)\s+(?:intends?\s+to|expects?\s+to|plans?\s+to|anticipates?|will)\s+(?:submit|file|provide|furnish)\b[^.]{0,40}\b(?:no\s+later\s+than|on\s+or\s+(?:before|about)|by)\b/i,
];

/** Whether the opening of a company letter without numbered answers asks for more time to respond. */
export function isExtensionRequest(opening: string): boolean {
  const text = opening.replace(/\s+/g, ' ');
  return ASKS.some((p) => p.test(text));
}

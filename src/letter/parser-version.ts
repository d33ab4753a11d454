/** Changes whenever the letter parser's output can change (goes into Letter.parserVersion). */
export const LETTER_PARSER_VERSION = 'letter-0.6.11';

/**
 * The version of the whole letter build (Letter.parserVersion): the parts' versions plus the assembly's own.
 * A module of its own, light to import: the lifecycle compares it with a held letter's without loading parsers.
 */
import { LETTER_PARSER_VERSION } from '../letter/parser-version.ts';
import { NORMALIZER_VERSION } from '../normalize/normalizer-version.ts';

export const PARSER_VERSION = `${NORMALIZER_VERSION}+${LETTER_PARSER_VERSION}+assemble-1`;

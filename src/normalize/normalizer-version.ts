/** Changes whenever normalisation output can change (goes into Letter.parserVersion, so `reparse` sees it). */
export const NORMALIZER_VERSION = 'normalize-2';

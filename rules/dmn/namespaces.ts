/**
 * DMN namespaces. dmn-moddle reads DMN 1.3 (`https://www.omg.org/spec/DMN/20191111/MODEL/`); models saved
 * in DMN 1.1, 1.2, 1.4 or 1.5 are mapped onto it on import. The decision-table elements used here have
 * the same shape in all of these versions (DMN 1.3 §8.3, unchanged in 1.4 and 1.5).
 */

/** The DMN 1.3 model namespace that dmn-moddle reads and that export writes. */
export const DMN13_MODEL = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
/** The DMN 1.3 DMNDI namespace. */
export const DMN13_DMNDI = 'https://www.omg.org/spec/DMN/20191111/DMNDI/';

const MODEL_ALIASES = [
  'http://www.omg.org/spec/DMN/20151101/dmn.xsd',
  'http://www.omg.org/spec/DMN/20180521/MODEL/',
  'https://www.omg.org/spec/DMN/20211108/MODEL/',
  'https://www.omg.org/spec/DMN/20230324/MODEL/',
];
const DMNDI_ALIASES = [
  'http://www.omg.org/spec/DMN/20180521/DMNDI/',
  'https://www.omg.org/spec/DMN/20211108/DMNDI/',
  'https://www.omg.org/spec/DMN/20230324/DMNDI/',
];

/** Rewrites namespace declarations of other DMN versions to DMN 1.3; other text is left alone. */
export function mapToDmn13(xml: string): string {
  return xml.replace(/(xmlns(?::[\w.-]+)?\s*=\s*)(["'])([^"']*)\2/g, (all, decl: string, q: string, uri: string) => {
    if (MODEL_ALIASES.includes(uri)) return `${decl}${q}${DMN13_MODEL}${q}`;
    if (DMNDI_ALIASES.includes(uri)) return `${decl}${q}${DMN13_DMNDI}${q}`;
    return all;
  });
}

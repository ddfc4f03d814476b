/**
 * Parses table text as YAML or JSON and keeps a way back from a JSON path to the line in the file, so that
 * every later finding can say where to look.
 */
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { RuleTableError } from '../errors.js';
import type { Finding } from '../model.js';
import { said } from '../said.js';

/** `line:col` as the parameters of a finding. */
function lineCol(position: string | undefined): { line?: string; col?: string } {
  const [line, col] = (position ?? '').split(':');
  return line ? { line, ...(col ? { col } : {}) } : {};
}

/** A parsed document and a locator from JSON-pointer segments to a 1-based `line:col`. */
export interface ParsedSource {
  doc: unknown;
  locate(path: (string | number)[]): string | undefined;
}

function isJson(text: string, fileName: string): boolean {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return true;
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return false;
  return text.trimStart().startsWith('{');
}

function jsonPosition(text: string, message: string): string | undefined {
  const m = /position (\d+)/.exec(message);
  if (!m) return undefined;
  const before = text.slice(0, Number(m[1]));
  const lines = before.split('\n');
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

/**
 * The document as plain data. Resolving aliases can still fail after a clean parse (an alias whose anchor is
 * missing, or more aliases than the library allows, which guards against alias bombs); that is the file's
 * fault, so it becomes a syntax finding at the alias instead of escaping as an exception.
 */
function toPlain(document: Document, text: string, fileName: string): unknown {
  try {
    return document.toJS();
  } catch (err) {
    const message = (err as Error).message;
    const alias = /: (\S+)$/.exec(message)?.[1];
    const at = alias ? text.indexOf(`*${alias}`) : -1;
    const before = at >= 0 ? text.slice(0, at).split('\n') : undefined;
    const path = before ? `${before.length}:${before[before.length - 1]!.length + 1}` : undefined;
    throw new RuleTableError(`${fileName}: not valid YAML`, [
      { code: 'syntax', severity: 'error', file: fileName, path, message: `${message}; YAML anchors (&name) and aliases (*name) are not needed in a rule table`,
        ...said('YAML_ALIAS', { file: fileName, ...lineCol(path), alias, detail: message }) },
    ]);
  }
}

/** Parses YAML (a superset of JSON) or strict JSON for `.json` files. Throws on syntax errors. */
export function parseSource(text: string, fileName: string): ParsedSource {
  if (isJson(text, fileName)) {
    try {
      return { doc: JSON.parse(text), locate: () => undefined };
    } catch (err) {
      const message = (err as Error).message;
      throw new RuleTableError(`${fileName}: not valid JSON`, [
        { code: 'syntax', severity: 'error', file: fileName, path: jsonPosition(text, message), message, ...said('JSON_SYNTAX', { file: fileName, ...lineCol(jsonPosition(text, message)), detail: message }) },
      ]);
    }
  }
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length) {
    const findings: Finding[] = document.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      const first = e.message.split('\n')[0]!;
      const message = yamlHint(first);
      return {
        code: 'syntax',
        severity: 'error',
        file: fileName,
        path: `${pos.line}:${pos.col}`,
        message,
        ...said(message === first ? 'YAML_SYNTAX' : 'YAML_SYNTAX_QUOTE_CELL', { file: fileName, line: pos.line, col: pos.col, detail: first }),
      };
    });
    throw new RuleTableError(`${fileName}: not valid YAML`, findings);
  }
  return {
    doc: toPlain(document, text, fileName),
    locate(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = document.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          return `${pos.line}:${pos.col}`;
        }
      }
      return undefined;
    },
  };
}

/** YAML reads `-`, `>=`, `[..]` at the start of a value as syntax; say how to write a cell instead. */
function yamlHint(message: string): string {
  if (/block-seq-ind|Block scalar header|flow-seq|Not a YAML token|flow collection/i.test(message)) {
    return `${message} — a cell starting with '-', '>', '<', '[' or ']' must be quoted, e.g. age: '>= 18'`;
  }
  return message;
}

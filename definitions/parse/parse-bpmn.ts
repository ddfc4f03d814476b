/**
 * Parsing a BPMN 2.0 file into a moddle tree with the approval extension, keeping every import warning.
 */
import type { Finding } from '../findings.js';
import { createModdle, type ModdleElement } from '../moddle.js';
import type { BpmnModdle, ModdleWarning } from 'bpmn-moddle';
import { decodeXml } from './encoding.js';

/** A parsed file: the `bpmn:Definitions` root, the moddle that read it, and its import findings. */
export interface ParsedBpmn {
  ok: true;
  definitions: ModdleElement;
  moddle: BpmnModdle;
  /** The decoded XML text. */
  xml: string;
  /** The encoding the bytes were read in (`utf-8`, `gbk`, `utf-16le` …). */
  encoding: string;
  /** Import warnings of moddle turned into findings (unknown attributes, unresolved references …). */
  findings: Finding[];
}

/** A file that could not be read at all. */
export interface UnparsedBpmn {
  ok: false;
  findings: Finding[];
}

const APPROVAL_ATTR = /^unknown attribute <approval:/;

/** True when `el` lies inside a `bpmn:Process`, where a broken reference changes what runs. */
function insideProcess(el: unknown): boolean {
  for (let e = el as ModdleElement | undefined; e; e = e.$parent) if (e.$type === 'bpmn:Process') return true;
  return false;
}

/**
 * Severity of a moddle import warning. An unresolved reference inside a process loses part of it (BPMN 2.0.2
 * §8.3.2: references are by id), unparsable content loses an element, and an unknown `approval:` attribute
 * is a misspelt setting: those refuse the deploy. Broken references elsewhere (interfaces, collaboration,
 * diagram) and unknown attributes foreign to Shenpi are only told.
 */
function fromWarning(w: ModdleWarning): Finding {
  const id = w.element?.id ?? '';
  const message = w.message.split('\n')[0]!.trim();
  const line = /line: (\d+)/.exec(w.message)?.[1];
  const where = line ? ` (line ${line})` : '';
  if (message.startsWith('unresolved reference')) {
    const severity = insideProcess(w.element) ? 'error' : 'warning';
    return { id, rule: 'moddle-reference', message: `${message} in ${w.property ?? 'a reference'}`, severity };
  }
  if (message.startsWith('unknown attribute')) {
    const error = APPROVAL_ATTR.test(message);
    return {
      id,
      rule: 'moddle-attribute',
      message: error ? `${message}: not part of the approval extension` : `${message} is ignored`,
      severity: error ? 'error' : 'warning',
    };
  }
  const nested = /nested error: (.*)/.exec(w.message)?.[1];
  return {
    id,
    rule: 'moddle-content',
    message: `${message}${where}${nested ? `: ${nested}` : ''}`,
    severity: 'error',
  };
}

/**
 * Reads a BPMN 2.0 file. A Buffer is decoded as its XML declaration (or byte order mark) says; a string is
 * taken as already decoded. Never throws for bad input: an undecodable or malformed file gives findings.
 */
export async function parseBpmn(source: Buffer | Uint8Array | string): Promise<ParsedBpmn | UnparsedBpmn> {
  let xml: string;
  let encoding = 'utf-16';
  if (typeof source === 'string') {
    xml = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  } else {
    const decoded = decodeXml(source);
    if (!decoded.ok) {
      return { ok: false, findings: [{ id: '', rule: 'xml-encoding', message: decoded.message, severity: 'error' }] };
    }
    xml = decoded.text;
    encoding = decoded.encoding;
  }
  const moddle = createModdle();
  let result;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (err) {
    const message = (err as Error).message.replace(/\s+/g, ' ').trim();
    return { ok: false, findings: [{ id: '', rule: 'xml-syntax', message, severity: 'error' }] };
  }
  const definitions = result.rootElement as ModdleElement;
  // The bytes were decoded above; moddle's own note that it cannot decode the declared encoding is moot.
  const warnings = result.warnings.filter((w) => !w.message.startsWith('unsupported document encoding'));
  return { ok: true, definitions, moddle, xml, encoding, findings: warnings.map(fromWarning) };
}

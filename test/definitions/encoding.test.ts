import { describe, expect, it } from 'vitest';
import { decodeXml, loadDefinition, parseBpmn } from '../../definitions/index.js';

const PROCESS = (decl: string) => `${decl}<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:approval="http://shenpi.org/schema/approval/1.0" id="d" targetNamespace="t">
  <bpmn:process id="p" name="食品经营许可证核发" isExecutable="true">
    <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
    <bpmn:userTask id="t" name="审核" approval:department="市场监督管理局" /><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
    <bpmn:endEvent id="e" />
  </bpmn:process>
</bpmn:definitions>`;

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

/** GB18030/GBK bytes via a reverse table over TextDecoder (Node has no GBK encoder). */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

describe('decoding BPMN files as declared', () => {
  const cases: [string, Buffer][] = [
    ['UTF-8 without declaration', Buffer.from(PROCESS(''), 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROCESS('<?xml version="1.0" encoding="UTF-8"?>'))])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROCESS('<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PROCESS('<?xml version="1.0" encoding="UTF-16"?>'))])],
    ['UTF-16LE without BOM', Buffer.from(PROCESS('<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le')],
    ['GBK', gbk(PROCESS('<?xml version="1.0" encoding="GBK"?>'))],
    ['GB18030', gbk(PROCESS("<?xml version='1.0' encoding='gb18030'?>"))],
  ];

  it.each(cases)('reads Chinese names from %s', async (_name, bytes) => {
    // Given the same process in another encoding, when it is loaded
    const result = await loadDefinition(bytes, {});
    // Then the names come out as written
    expect(result.ok && result.definition.name).toBe('食品经营许可证核发');
    expect(result.ok && result.definition.nodes['t']!.approval!.department).toBe('市场监督管理局');
  });

  it('reads ISO-8859-1 as declared', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>Caf\u00e9</a>', 'latin1');
    const decoded = decodeXml(bytes);
    expect(decoded.ok && decoded.text).toContain('Café');
  });

  it('refuses GBK bytes declared as UTF-8 with a clear message', async () => {
    const bytes = gbk(PROCESS('<?xml version="1.0" encoding="UTF-8"?>'));
    const result = await parseBpmn(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.findings).toEqual([
      { id: '', rule: 'xml-encoding', message: 'the bytes are not valid UTF-8 (the declared encoding)', severity: 'error' },
    ]);
  });

  it('refuses an encoding Node cannot decode', () => {
    const decoded = decodeXml(Buffer.from('<?xml version="1.0" encoding="KLINGON-8"?><a/>'));
    expect(decoded).toEqual({ ok: false, message: "the declared encoding 'KLINGON-8' is not supported" });
  });

  it('refuses a declaration that contradicts the byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="GBK"?><a/>', 'utf16le')]);
    const decoded = decodeXml(bytes);
    expect(decoded).toEqual({ ok: false, message: "the file starts as UTF-16LE but declares encoding 'GBK'" });
  });

  it('takes a string as already decoded, ignoring its declaration', async () => {
    const result = await loadDefinition(PROCESS('<?xml version="1.0" encoding="GBK"?>'), {});
    expect(result.ok && result.definition.name).toBe('食品经营许可证核发');
  });
});

/** The printable documents, rendered from the case state. */
import { describe, expect, it } from 'vitest';
import { chineseDate, renderAcceptanceNotice, renderCorrectionNotice, renderNonAcceptance } from '../../engine/approval/index.js';
import { applyCommand, at, Case, clerk, foodProcess } from './support.js';

describe('case documents', () => {
  it('prints the acceptance notice with the case number and the computed promised date', async () => {
    const c = new Case(await foodProcess());
    c.when(applyCommand('SP-DOC-1'), at('2026-09-24', '17:30'));
    c.when({ type: 'case.accept', actor: clerk }, at('2026-09-24', '17:40'));
    const html = renderAcceptanceNotice(c.state.approval!);
    expect(html).toContain('受理编号：SP-DOC-1');
    // 5 WD after Thu 09-24: 09-28, 09-29, 09-30, 10-08, 10-09 (中秋 09-25..27, 国庆 10-01..07; scenario S1).
    expect(html).toContain('<strong data-field="promisedDate">2026年10月9日</strong>');
    expect(html).toContain(chineseDate('2026-09-24'));
    expect(html).not.toContain('第三十二条，你');
  });

  it('prints one correction notice with every item, its reason and basis', async () => {
    const c = new Case(await foodProcess());
    c.when(applyCommand('SP-DOC-2', ['M3', 'M4']), at('2026-03-02'));
    const items = [
      { code: 'M3', reason: '请补正：设备布局和操作流程文件', basis: '《中华人民共和国食品安全法》第三十三条' },
      { code: 'M4', reason: '请补正：食品安全规章制度 <附件>', basis: null },
    ];
    c.when({ type: 'correction.notify', items, actor: clerk }, at('2026-03-03'));
    const html = renderCorrectionNotice(c.state.approval!);
    expect(html).toContain('一次性补正告知书');
    expect(html).toContain('请补正：设备布局和操作流程文件');
    expect(html).toContain('&lt;附件&gt;');
    expect(html.match(/<tr><td>/g)).toHaveLength(2);
    expect(html).toContain(chineseDate('2026-03-03'));
  });

  it('prints the non-acceptance decision with reasons, basis and remedies', async () => {
    const c = new Case(await foodProcess());
    c.when(applyCommand('SP-DOC-3'), at('2026-03-02'));
    c.when({ type: 'case.reject', reasons: [{ code: 'AC0', reason: '仅销售预包装食品，办理备案', basis: '《中华人民共和国食品安全法》第三十五条' }], actor: clerk }, at('2026-03-02', '15:00'));
    const html = renderNonAcceptance(c.state.approval!);
    expect(html).toContain('不予受理决定书');
    expect(html).toContain('《中华人民共和国食品安全法》第三十五条');
    expect(html).toContain('行政复议');
    expect(() => renderAcceptanceNotice(c.state.approval!)).toThrow(/not accepted/);
  });
});

/** The public disclosure is generated from the package that runs, so it cannot disagree with it. */
import { describe, expect, it } from 'vitest';
import { buildDisclosure, renderDisclosureHtml } from '../../definitions/items/index.js';
import { shippedItem } from './support.js';

describe('the disclosure of ITEM-02', () => {
  it('lists the conditions with the rows that check them, and the manual ones', async () => {
    const d = buildDisclosure(await shippedItem('ITEM-02'));
    const ac1 = d.conditions.find((c) => c.id === 'AC1')!;
    expect(ac1.rows.map((r) => r.row)).toEqual(['AC1', 'AC1-KIND']);
    expect(ac1.rows.every((r) => r.effect === 'NOT_ACCEPT' && r.basis?.includes('行政许可法'))).toBe(true);
    expect(d.conditions.filter((c) => c.check === 'manual').map((c) => c.id)).toEqual(['AC2', 'AC3', 'AC4', 'AC5']);
  });

  it('publishes the facts an applicant states, as the listing declares them, for the application form', async () => {
    const item = await shippedItem('ITEM-02');
    const d = buildDisclosure(item);
    expect(d.facts).toEqual(item.listing.facts);
    // every fact a rule table reads is a question the form asks
    expect(d.facts.map((f) => f.name)).toEqual(expect.arrayContaining(['usesVendingMachine', 'operatesOnline', 'byAgent']));
  });

  it('lists each material with the condition under which the materials table requires it', async () => {
    const item = await shippedItem('ITEM-02');
    const d = buildDisclosure(item);
    const byId = Object.fromEntries(d.materials.map((m) => [m.id, m]));
    expect(byId.M1!.required).toBe('always');
    expect(byId.M2!.source).toBe('shared');
    expect(byId.M5!.required).toEqual(['使用自动售货设备：是']);
    // The condition printed is the one that runs: with it the table requires M5, without it it does not.
    const withIt = await item.rules.materials!.evaluate({ usesVendingMachine: true, operatesOnline: false, byAgent: false });
    const without = await item.rules.materials!.evaluate({ usesVendingMachine: false, operatesOnline: false, byAgent: false });
    expect(withIt.outputs.map((o) => o.material)).toContain('M5');
    expect(without.outputs.map((o) => o.material)).not.toContain('M5');
  });

  it('gives the limits, the special procedure counting, the flow in order and the contacts', async () => {
    const item = await shippedItem('ITEM-02');
    const d = buildDisclosure(item);
    expect(d.limits).toMatchObject({
      statutory: { value: item.snapshot.statutoryLimit.value, unit: 'WD' }, promised: { value: item.snapshot.promisedLimit.value, unit: 'WD' },
      extension: { value: 5, unit: 'WD', approver: '市场监管部门负责人' },
      specialProcedures: [{ type: 'SITE_CHECK', countsTowardStatutory: true, countsTowardPromised: true }],
    });
    expect(d.flow.map((s) => s.id)).toEqual(['review', 'siteCheck', 'audit', 'decide', 'issue']);
    expect(d.flow[1]).toMatchObject({ specialProcedure: 'SITE_CHECK', timeLimit: { value: 2, unit: 'WD' } });
    expect(d.fees.charged).toBe(false);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('prints one page with the four parts', async () => {
    const html = renderDisclosureHtml(buildDisclosure(await shippedItem('ITEM-02')));
    for (const part of ['一、受理条件', '二、申请材料', '三、办理时限与收费', '四、办理流程', '12315', '现场核查', '计入法定时限']) expect(html).toContain(part);
    expect(html).toContain('法定办结时限</td><td>10个工作日');
  });
});

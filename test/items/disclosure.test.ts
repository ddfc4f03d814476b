/** The public disclosure is generated from the package that runs, so it cannot disagree with it. */
import { describe, expect, it } from 'vitest';
import { buildDisclosure, loadItemPackage, renderDisclosureHtml } from '../../definitions/items/index.js';
import { itemFiles, shippedItem } from './support.js';

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

describe('the disclosure in words', () => {
  const SHIPPED = ['ITEM-01', 'ITEM-02', 'ITEM-03', 'ITEM-04', 'ITEM-05', 'ITEM-06'];
  /** Rule syntax a member of the public should never read: comparisons, quotes, not(), ranges, arithmetic. */
  const SYNTAX = /[<>="*]|not\(|\.\.|\btrue\b|\bfalse\b|\bnull\b/;

  it('says the fees of ITEM-05 in yuan, the certificate fee as the rule in words, and the conditions with units', async () => {
    const d = buildDisclosure(await shippedItem('ITEM-05'));
    const fees = Object.fromEntries(d.fees.items.map((f) => [f.row, f]));
    expect(fees['FEE-RESIDENTIAL']).toMatchObject({ item: '不动产登记费（住宅类）', amount: '80元', condition: '房屋用途：住宅；买受方为小微企业：否' });
    expect(fees['FEE-NON-RESIDENTIAL']).toMatchObject({ amount: '550元', condition: '房屋用途：非住宅；买受方为小微企业：否' });
    expect(fees['FEE-CERTIFICATES']).toMatchObject({ item: '证书工本费', amount: '核发一本不收取工本费，每增加一本加收10元', condition: '申请权属证书本数：超过1本' });
  });

  it('says a count with its unit: 客房数：50间及以上 for the ITEM-03 materials', async () => {
    const d = buildDisclosure(await shippedItem('ITEM-03'));
    const required = d.materials.flatMap((m) => (m.required === 'always' ? [] : m.required));
    expect(required).toContain('客房数：50间及以上');
  });

  it('shows no rule syntax in any shipped item: conditions, materials and fees are all in words', async () => {
    for (const code of SHIPPED) {
      const d = buildDisclosure(await shippedItem(code));
      const texts = [
        ...d.materials.flatMap((m) => (m.required === 'always' ? [] : m.required)),
        ...d.fees.items.flatMap((f) => [f.item, f.amount, f.condition]),
        ...d.conditions.flatMap((c) => [c.text, ...c.rows.map((r) => r.reason)]),
      ];
      for (const text of texts) expect(text, `${code}: ${text}`).not.toMatch(SYNTAX);
    }
  });
});

describe('deploying a row the disclosure cannot say in words', () => {
  it('warns, naming the table, row and column, when a fee computed by an expression has no text', async () => {
    const files = await itemFiles('ITEM-05');
    const fees = Object.keys(files).find((f) => f.endsWith('fees.yaml'))!;
    const plain = files[fees]!.replace(/\n {4}text: [^\n]*/, '');
    expect(plain).not.toContain('text:');
    const loaded = await loadItemPackage({ ...files, [fees]: plain }, { version: 1 });
    expect(loaded.ok).toBe(true);
    const warnings = loaded.ok ? loaded.warnings.filter((w) => w.code === 'disclosure-words') : [];
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', file: fees, row: 'FEE-CERTIFICATES', field: 'amount' })]);
    // The applicant still never reads the expression: the row's legal basis stands in for the words
    if (loaded.ok) expect(buildDisclosure(loaded.item).fees.items.find((f) => f.row === 'FEE-CERTIFICATES')!.amount).toContain('每增加一本加收10元');
  });

  it('gives no such warning for the shipped items', async () => {
    for (const code of ['ITEM-01', 'ITEM-02', 'ITEM-03', 'ITEM-04', 'ITEM-05', 'ITEM-06']) {
      const loaded = await loadItemPackage(await itemFiles(code), { version: 1 });
      expect(loaded.ok && loaded.warnings.filter((w) => w.code === 'disclosure-words'), code).toEqual([]);
    }
  });
});

/**
 * ITEM-05 存量房转移登记 from the pages: the registration fee (80 yuan for a home and 10 for the second
 * certificate, 发改价格规〔2016〕2559号) is due before the registration (登簿); the department reviews and
 * approves, the registration waits for the fee, the applicant pays online in the portal, and the registration
 * then records the transfer and the e-certificate.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Harness } from './browser.js';
import { applyOnline, chinese, clockAt, completeStep, createStaff, deskLogin, fitsPhone, openCase, openDesk, rerender, shot, status, text } from './journey-kit.js';

const REGISTRY = '市不动产登记中心';
const STAFF = [
  { id: 'r6001', name: '郑洁', department: REGISTRY, groups: ['registration-reviewer', 'registrar', 'recorder'] },
];
const FACTS = {
  'seller.kind': 'PERSON', 'buyer.kind': 'PERSON', 'seller.married': 'false', propertyUse: 'RESIDENTIAL',
  certificatesRequested: '2', byAgent: 'false', 'contract.filed': 'true',
};
const FILES = { M1: '不动产登记申请书.pdf', M3: '不动产权属证书.pdf' };
const SHARED: Record<string, [string, string]> = {
  M2: ['110101199003071234', '公安机关'], M4: ['杭房网签2026-000123', '市住房保障和房产管理局'], M6: ['税票330100202600001', '国家税务总局杭州市税务局'],
};

interface Fee { portal?: Page; desk?: Page; caseNo?: string }

/** Registers the ITEM-05 journey. */
export function feeJourney(h: () => Harness): void {
  const s: Fee = {};

  it('ITEM-05: the applicant applies and sees the fee due, ¥90.00; the department accepts, reviews and approves', async () => {
    await createStaff(h(), STAFF);
    await clockAt(h(), '2026-03-02 09:00');
    const applied = await applyOnline(h(), { item: 'ITEM-05', facts: FACTS, files: FILES, shared: SHARED });
    s.portal = applied.portal;
    s.caseNo = applied.caseNo;
    expect(await text(applied.portal, '#fees-due')).toBe('应缴 ¥90.00 · 已缴 ¥0.00');

    const desk = (s.desk = await openDesk(h()));
    await deskLogin(desk, 'r6001');
    await openCase(desk, s.caseNo);
    await desk.click('#accept');
    await desk.waitForSelector('#step-actions .step[data-element="review"]');
    // 5 WD promised from Mon 03-02: 03-03 … 03-09
    expect(await text(desk, '#clocks tr[data-clock="promised"] .deadline')).toBe('2026-03-09');
    expect(await text(desk, '#fees')).toContain('不动产登记费（住宅类） ¥80.00');
    expect(await text(desk, '#fees')).toContain('证书工本费 ¥10.00');
    await completeStep(desk, 'review', '权属清晰，网签备案一致', '#step-actions .step[data-element="decide"]');
    await clockAt(h(), '2026-03-03 10:00');
    await rerender(desk);
    await completeStep(desk, 'decide', '准予转移登记', '#step-actions .step[data-element="register"]');
    await chinese(desk);
  });

  it('ITEM-05: the registration waits for the fee; the department sees it unpaid and may not record yet', async () => {
    const desk = s.desk!;
    expect(await text(desk, '#fees-state')).toBe('待申请人缴费：应缴 ¥90.00，已缴 ¥0.00');
    expect(await desk.$('#step-actions .step[data-element="register"] .step-complete')).toBeNull();
    expect(await text(desk, '#step-actions .step[data-element="register"]')).toContain('申请人缴清费用后方可办理本环节');
    // Nothing to issue by hand: the payment generates the certificate
    expect(await desk.$('#issue-certificate')).toBeNull();
    expect(await text(desk, '#certificate-waits')).toBe('申请人缴清费用后自动生成证照。');
    await shot(desk, 'console-fee-due');
    await chinese(desk);
  });

  it('ITEM-05: the applicant pays the fee online in the portal and gets the receipt', async () => {
    const portal = s.portal!;
    await clockAt(h(), '2026-03-03 14:00');
    await rerender(portal);
    expect(await text(portal, '#pay')).toBe('缴费 ¥90.00');
    expect(await text(portal, '#fees-before')).toBe('缴清费用后，登记机构方可登簿并核发证书。');
    await portal.click('#pay');
    await portal.waitForSelector('#payment-confirm:not([hidden])');
    expect(await text(portal, '#payment-confirm p')).toBe('模拟支付平台：确认支付 ¥90.00？');
    await portal.click('#payment-ok');
    await portal.waitForSelector('#fees .receipt');
    expect(await status(portal)).toMatch(/^缴费成功：SIM-/);
    expect(await text(portal, '#fees-due')).toBe('应缴 ¥90.00 · 已缴 ¥90.00');
    expect(await text(portal, '#fees .receipt')).toMatch(/^2026-03-03 14:00 ¥90\.00 SIM-/);
    expect(await portal.$('#pay')).toBeNull();
    await chinese(portal);
    await fitsPhone(portal);
    await shot(portal, 'portal-fee-paid');
  });

  it('ITEM-05: once paid the registration records the transfer; the applicant gets the e-certificate online', async () => {
    const desk = s.desk!;
    await clockAt(h(), '2026-03-03 15:00');
    await rerender(desk);
    expect(await text(desk, '#fees-state')).toBe('已缴清：¥90.00');
    expect(await text(desk, '#fees')).toMatch(/2026-03-03 14:00 网上缴费 ¥90\.00，支付流水号 SIM-/);
    expect(await desk.$('#certificate-waits')).toBeNull();
    expect(await text(desk, '#certificate-number')).toMatch(/^证照编号：\S+/);
    await completeStep(desk, 'register', '已登簿，电子不动产权证书已生成', '#delivery-actions');
    await desk.selectOption('#delivery-method', 'online');
    await desk.click('#record-delivery');
    await desk.waitForSelector('#case-page:not(:has(#delivery-actions))');
    await chinese(desk);

    const portal = s.portal!;
    await rerender(portal);
    expect(await text(portal, '#result')).toContain('证照');
    await portal.click('#show-certificate');
    await expect.poll(() => portal.frameLocator('#result-frame').locator('body').textContent()).toContain('不动产权证书');
    await chinese(portal);
  });
}

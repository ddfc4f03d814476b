/**
 * The pages under the server's Content Security Policy, in Chromium: the modeler draws its diagram, the
 * console and the portal render, and none of them logs a CSP violation; the console's account page lists the
 * users for the reform office.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../server/helper.js';
import { openModeler, type Harness } from './browser.js';

let h: Harness;
beforeAll(async () => {
  h = await openModeler();
}, 240_000);
afterAll(() => h?.close());

describe('pages under the Content Security Policy', () => {
  it('loads the modeler, the console and the portal without a CSP violation', async () => {
    const response = await h.page.goto(`${h.baseUrl}/console/`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await h.page.waitForSelector('#login-user');
    await h.page.goto(`${h.baseUrl}/portal/`);
    await h.page.waitForLoadState('networkidle');
    expect(h.pageErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  }, 120_000);

  it("shows the reform office the users and the form for one's own password", async () => {
    await h.page.goto(`${h.baseUrl}/console/`);
    await h.page.fill('#login-user', 'admin');
    await h.page.fill('#login-password', ADMIN_PASSWORD);
    await h.page.click('#login button[type="submit"]');
    await h.page.waitForSelector('#who-name');
    await h.page.goto(`${h.baseUrl}/console/#/account`);
    await h.page.waitForSelector('#users tr[data-user="market-staff"]');
    expect(await h.page.textContent('#accounts')).toContain('修改密码');
    expect(h.pageErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  }, 120_000);
});

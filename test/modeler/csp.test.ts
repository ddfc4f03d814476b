/**
 * The pages under the server's Content Security Policy, in Chromium: the policy allows no `'unsafe-eval'`;
 * the modeler draws its diagram and validates and tests a rule table, the console and the portal render,
 * and none of them reports a CSP violation (a `securitypolicyviolation` event or a console error); the console's account page lists the
 * users for the reform office.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../server/helper.js';
import { openModeler, type Harness } from './browser.js';

let h: Harness;
/** Every `securitypolicyviolation` event of any page load, as `directive blocked-uri`. */
const violations: string[] = [];
beforeAll(async () => {
  h = await openModeler();
  await h.page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await h.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, 240_000);
afterAll(() => h?.close());

const cspErrors = () => [...violations, ...h.pageErrors.filter((e) => /Content Security Policy|Refused to|unsafe-eval/i.test(e))];

describe('pages under the Content Security Policy', () => {
  it('allows no eval: scripts only from this server', async () => {
    const response = await h.page.goto(`${h.baseUrl}/modeler/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
  }, 60_000);

  it('runs the modeler (diagram and rule tables, whose validator is precompiled), the console and the portal without a CSP violation', async () => {
    await h.page.goto(`${h.baseUrl}/modeler/`);
    await h.page.waitForSelector('.djs-element[data-element-id="accept"]');
    // The rule-table tab loads and validates the table against its JSON Schema in the page, then runs its tests.
    await h.page.click('.tabs button[data-view="rules-view"]');
    expect(await h.page.inputValue('#table-id')).toBe('food-licence.acceptance');
    await h.page.click('#run-tests');
    await expect.poll(() => h.page.locator('.tests-summary').getAttribute('data-failed')).toBe('0');
    // Editing a cell loads and validates the table in the page again.
    const input = h.page.locator('.rule-grid td[data-row="0"][data-col="annotation"] input');
    await input.fill('CSP 检查');
    await input.press('Tab');
    await h.page.goto(`${h.baseUrl}/console/`);
    await h.page.waitForSelector('#login-user');
    await h.page.goto(`${h.baseUrl}/portal/`);
    await h.page.waitForLoadState('networkidle');
    expect(cspErrors()).toEqual([]);
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
    expect(cspErrors()).toEqual([]);
  }, 120_000);
});

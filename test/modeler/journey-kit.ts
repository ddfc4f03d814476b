/**
 * What the item journeys (item-journeys.test.ts) share: staff created through the API (never a case command),
 * the business clock set to a literal Beijing instant, logins through the pages, the applicant's online
 * application in the portal, a step completed on the console's case page, and the checks of what a person sees.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Harness } from './browser.js';
import { api, APPLICANT, pdf } from './case-world.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { formLogin, openPage, PHONE, rerender, route } from './pages.js';
import { englishOnPage } from './visible-text.js';

/** The password of the staff the journeys create. */
export const STAFF_PASSWORD = 'long-enough-pw';

/** A member of staff: staff number (as the timeline records it), real name, department and step roles. */
export interface Staff { id: string; name: string; department: string; groups: string[]; roles?: string[] }

/** Creates `staff` through the reform office's user route (setting up, not moving a case on). */
export async function createStaff(h: Harness, staff: readonly Staff[]): Promise<void> {
  for (const s of staff) await api(h.server.app, 'admin', 'POST', '/api/users', { roles: ['department-staff'], ...s, password: STAFF_PASSWORD });
}

/** Sets the business clock to `beijing` (`YYYY-MM-DD HH:mm`, Asia/Shanghai), firing what fell due on the way. */
export async function clockAt(h: Harness, beijing: string): Promise<void> {
  const [date, time] = beijing.split(' ');
  await api(h.server.app, 'admin', 'POST', '/api/clock', { pin: `${date}T${time}:00+08:00` });
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
export const status = (page: Page) => page.textContent('#status');
export const chinese = async (page: Page) => expect(await englishOnPage(page)).toEqual([]);
export const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
export const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();

/** A console page logged in as nobody yet. */
export async function openDesk(h: Harness): Promise<Page> {
  const desk = await openPage(h, '/console/#/inbox');
  desk.setDefaultTimeout(10_000);
  return desk;
}

/** Logs out whoever is in the console and logs `id` in through its form. */
export async function deskLogin(desk: Page, id: string): Promise<void> {
  if (await desk.locator('#logout').count()) {
    await desk.click('#logout');
    await desk.waitForSelector('#login');
  }
  await formLogin(desk, { username: id, password: STAFF_PASSWORD }, '#nav a[data-nav="inbox"]');
}

/** Opens the console's case page of `caseNo`. */
export async function openCase(desk: Page, caseNo: string): Promise<void> {
  await route(desk, `#/cases/${encodeURIComponent(caseNo)}`, '/cases/:caseNo');
}

/** Completes the open step `element` on the case page and waits until `next` shows. */
export async function completeStep(desk: Page, element: string, opinion: string, next: string, outcome = 'approve'): Promise<void> {
  const step = `#step-actions .step[data-element="${element}"]`;
  await desk.selectOption(`${step} select.step-outcome`, outcome);
  await desk.fill(`${step} .step-opinion`, opinion);
  await desk.click(`${step} .step-complete`);
  await desk.waitForSelector(next).catch(async (e) => { throw new Error(`${(e as Error).message}\nstatus: ${await status(desk)}`); });
}

/** The answers of an item's form: a select, a radio choice or a typed value per fact. */
export async function answer(page: Page, facts: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(facts)) {
    const select = page.locator(`select[name="fact:${name}"]`);
    if (await select.count()) await select.selectOption(value);
    else if (await page.locator(`input[type="radio"][name="fact:${name}"]`).count()) await page.check(`input[name="fact:${name}"][value="${value}"]`);
    else await page.fill(`input[name="fact:${name}"]`, value);
  }
}

/** What the applicant brings to an online application. */
export interface Application {
  item: string;
  facts: Record<string, string>;
  /** Uploaded materials: id → file name. */
  files: Record<string, string>;
  /** Shared certificates: id → number and issuer. */
  shared?: Record<string, [string, string]>;
  phone?: string;
  /** A screenshot of the filled form before it is sent. */
  shot?: string;
}

/**
 * The seeded applicant (张三, real-name) applies online on a phone-sized portal page; returns the page, on the
 * case, and the case number.
 */
export async function applyOnline(h: Harness, a: Application): Promise<{ portal: Page; caseNo: string }> {
  const portal = await openPage(h, `/portal/#/items/${a.item}/apply`, PHONE);
  portal.setDefaultTimeout(10_000);
  await portal.click('#apply-login');
  await formLogin(portal, APPLICANT, '#apply-form #facts');
  await answer(portal, a.facts);
  const last = Object.keys(a.files).at(-1)!;
  await portal.waitForSelector(`#uploads input[data-material="${last}"]`);
  await portal.fill('#applicant-phone', a.phone ?? '13800138000');
  // The chooser is labelled in Chinese, not with the browser's own "Choose File" / "No file chosen"
  const [first] = Object.keys(a.files);
  const pick = `#uploads label.upload[data-material="${first}"] .file-pick`;
  expect(await text(portal, `${pick} .file-choose`)).toBe('选择文件');
  expect(await text(portal, `${pick} .file-name`)).toBe('未选择文件');
  for (const [m, name] of Object.entries(a.files)) await portal.setInputFiles(`#uploads input[data-material="${m}"]`, pdf(name));
  expect(await text(portal, `${pick} .file-name`)).toBe(a.files[first!]);
  for (const [m, [number, issuer]] of Object.entries(a.shared ?? {})) {
    await portal.fill(`#shared [data-material="${m}"] [name="number"]`, number);
    await portal.fill(`#shared [data-material="${m}"] [name="issuer"]`, issuer);
  }
  await chinese(portal);
  await fitsPhone(portal);
  if (a.shot) await shot(portal, a.shot);
  await portal.click('#submit-application');
  await portal.waitForSelector('#portal-case[data-case]').catch(async (e) => { throw new Error(`${(e as Error).message}\nstatus: ${await status(portal)}`); });
  const caseNo = (await portal.getAttribute('#portal-case', 'data-case'))!;
  expect(await status(portal)).toBe(`申请已提交，受理编号 ${caseNo}`);
  return { portal, caseNo };
}

/** Re-renders a page after others changed the case. */
export { rerender, route };

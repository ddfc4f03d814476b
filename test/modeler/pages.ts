/**
 * Pages of the console and portal scenarios, shared between them: the portal on a phone-sized viewport, the
 * console on a desktop one, each logged in through its own form, and the case the scenarios build on.
 */
import type { Page } from 'playwright-core';
import type { Harness } from './browser.js';

/** What the scenarios share, in order: the applicant's case and the open pages. */
export interface PagesState {
  caseNo?: string;
  portal?: Page;
  console?: Page;
}

/** A 375px wide phone screen (iPhone SE / 8 class). */
export const PHONE = { width: 375, height: 812 };

/** Opens a page that records its errors into the harness's list. */
export async function openPage(h: Harness, url: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await h.browser.newPage({ viewport, acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.on('pageerror', (e) => h.pageErrors.push(`${url}: ${e.message}`));
  page.on('response', (r) => {
    // A refused command is shown in the status line; the scenarios assert on it where they expect one.
    if (r.status() >= 500) h.pageErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await page.goto(`${h.baseUrl}${url}`);
  return page;
}

/** Logs in through a login form (`#login`) and waits until `ready` shows. */
export async function formLogin(page: Page, user: { username: string; password: string }, ready: string): Promise<void> {
  await page.fill('#login-user', user.username);
  await page.fill('#login-password', user.password);
  await page.click('#login button[type="submit"]');
  await page.waitForSelector(ready);
}

/** Logs out whoever is in the console (if anyone) and logs `user` in through its form, waiting for the inbox link. */
export async function consoleLoginAs(page: Page, user: { username: string; password: string }): Promise<void> {
  if (await page.locator('#logout').count()) {
    await page.click('#logout');
    await page.waitForSelector('#login');
  }
  await formLogin(page, user, '#nav a[data-nav="inbox"]');
}

/** Renders the page's current route again (after the server changed behind it) and waits until it settled. */
export async function rerender(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.getElementById('main')!.removeAttribute('data-route');
    void (window as any).shenpi.render();
  });
  await page.waitForSelector('#main[data-route]:not([aria-busy])');
}

/** Navigates a hash route and waits until the route rendered. */
export async function route(page: Page, hash: string, pattern: string): Promise<void> {
  await page.evaluate((h) => {
    document.getElementById('main')!.removeAttribute('data-route');
    if (location.hash === h) void (window as any).shenpi.render();
    else location.hash = h;
  }, hash);
  await page.waitForSelector(`#main[data-route="${pattern}"]:not([aria-busy])`);
}

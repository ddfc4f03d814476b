/**
 * What a zh-CN user must never see: an English sentence (three or more ASCII words in a row) or a raw id of a
 * stage, step or rule. Case numbers, item and material codes, file names, dates and amounts are allowed.
 */
import type { Page } from 'playwright-core';

/** Raw ids of ITEM-02's stages and steps and the engine's rules, as they would leak untranslated. */
export const RAW_IDS = ['pre-review', 'site-check', 'siteCheck', 'joint-review', 'register', 'step-overdue', 'case-overdue', 'WRONG_PHASE', 'undefined', 'null', 'NaN'];

/** Lowercase words a Chinese page may show: file extensions of the materials. */
const ALLOWED_WORDS = new Set(['pdf', 'png', 'jpg', 'jpeg', 'ofd']);

/**
 * The English sentences, English words and raw ids in the visible text of `page`; the logged-in user's id in
 * the header (the login name, as the timeline records it) is left out.
 */
export async function englishOnPage(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const who = (document.getElementById('who-name') as HTMLElement | null)?.innerText ?? '';
    return who ? document.body.innerText.split(who).join('') : document.body.innerText;
  });
  return englishInText(text);
}

/** The English sentences, English words and raw ids in `text`, as {@link englishOnPage} finds them. */
export function englishInText(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b[a-z]{3,}\b/g)) if (!ALLOWED_WORDS.has(m[0])) found.push(m[0]);
  // Three or more words of ASCII letters separated by spaces: a sentence, not a code like ITEM-02 or M3.
  for (const m of text.matchAll(/\b[A-Za-z][a-z']+(?:[ ,:]+[A-Za-z][a-z']*){2,}/g)) found.push(m[0]);
  for (const id of RAW_IDS) if (new RegExp(`(^|[^A-Za-z-])${id}($|[^A-Za-z-])`).test(text)) found.push(id);
  return found;
}

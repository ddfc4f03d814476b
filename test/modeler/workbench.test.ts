/**
 * The workbench journey in a real browser (headless Chromium against the real server), from the pages only:
 * ITEM-02 applied on a phone-sized portal page, corrected with materials the department picks, accepted,
 * reviewed, site-checked, audited, decided, the certificate previewed and issued, delivered by express,
 * evaluated with a 差评 and rectified. The API is used only to deploy the item, to let time pass and to
 * compare what a page shows with what the server holds; every case command is a click.
 */
import type { PagesState } from './pages.js';
import { pagesSuite } from './pages-suite.js';
import { workbenchScenarios } from './workbench-scenarios.js';

const pages: PagesState = {};
pagesSuite('the workbench journey of ITEM-02', (h) => workbenchScenarios(h, pages));

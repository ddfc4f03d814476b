/**
 * The clock pages in a real browser (headless Chromium against the real server), from the pages: every clock's
 * light with its reason on the case page and in the lights overview, limits ending at 24:00 written as their
 * own day, the locality settings page with its versions and refusals, the working-day calendar with its alert
 * and the provisional deadlines, and the portal's public certificate check. The API sets up what is not this
 * file's subject (the online applications, the business clock) and compares what a page shows with the server.
 */
import { clockPagesScenarios, type ClockPagesState } from './clock-pages-scenarios.js';
import { pagesSuite } from './pages-suite.js';

const state: ClockPagesState = {};
pagesSuite('clock pages', (h) => clockPagesScenarios(h, state));

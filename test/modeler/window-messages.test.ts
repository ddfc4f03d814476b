/**
 * The applicant's notification centre, window intake and the workbench queues in a real browser (headless
 * Chromium against the real server), from the pages: the portal's 站内消息 after a correction notice, an ITEM-01
 * application registered at the window and finished the same day, and the queues 已办, 抄送我的 and 我发起的.
 * The API sets up what is not this file's subject (the online application, a copy) and compares what a page
 * shows with what the server holds.
 */
import { pagesSuite } from './pages-suite.js';
import { windowMessagesScenarios, type WindowState } from './window-messages-scenarios.js';

const state: WindowState = {};
pagesSuite('notifications, window intake and queues', (h) => windowMessagesScenarios(h, state));

/**
 * The journeys of ITEM-03, ITEM-04 and ITEM-05 in a real browser (headless Chromium against the real server),
 * from the pages only: a joint approval handed out once (统一出件), an expert review pausing the clock, and a
 * fee paid online before registration. The API deploys the items, creates the staff and sets the business
 * clock to the scenario's literal day; every case command is a click in a page.
 */
import { T0 } from '../server/helper.js';
import { deployShippedItem } from './case-world.js';
import { expertJourney } from './expert-journey.js';
import { feeJourney } from './fee-journey.js';
import { jointJourney } from './joint-journey.js';
import { pagesSuite } from './pages-suite.js';

pagesSuite('the journeys of ITEM-03, ITEM-04 and ITEM-05', (h) => {
  // In the order of their scenarios' dates: the business clock only moves forward.
  feeJourney(h);
  expertJourney(h);
  jointJourney(h);
}, async (harness) => {
  for (const code of ['ITEM-03', 'ITEM-04', 'ITEM-05']) await deployShippedItem(harness.server.app, code, T0);
});

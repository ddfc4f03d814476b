/**
 * Item packages: a folder with `item.json` (the listing), `process.bpmn` and `rules/*` (rule tables by
 * purpose), loaded and checked as one immutable `ItemDefinition`, and the public disclosure generated from
 * it. See docs/items.md.
 */
export { loadItemPackage, type ItemPackageFiles, type LoadedItem } from './load-item-package.js';
export type { ItemDefinition, ItemRules } from './item-definition.js';
export type { ItemListing, DeclaredFact, ListingMaterial, ListingLimit } from './listing.js';
export { formatItemFinding, hasItemErrors, type ItemFinding } from './findings.js';
export { listingSchema, validateListing } from './validate-listing.js';
export { itemSnapshot, DEFAULT_RECTIFICATION_LIMIT } from './snapshot.js';
export { buildDisclosure, conditionText, type Disclosure } from './disclosure.js';
export { renderDisclosureHtml } from './disclosure-html.js';
export { flowSteps, type FlowStep } from './flow.js';
export { REQUIRED_PURPOSES } from './package-rules.js';

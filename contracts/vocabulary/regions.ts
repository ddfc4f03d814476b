/** The levels of the platform's regions (市、县、乡): one list for the organisation, the API and the pages. */

/** The levels of the platform: 市、县、乡. */
export const REGION_LEVELS = ['city', 'county', 'township'] as const;

/** A level of the platform. */
export type RegionLevel = (typeof REGION_LEVELS)[number];

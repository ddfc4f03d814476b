/** The item repository port: deployed item versions, the enabled flag, and their disclosures. */
import type { Disclosure, ItemDefinition } from '../../definitions/items/index.js';

/** An item as listed: its latest version and whether new cases may start. */
export interface ItemRecord {
  code: string;
  name: string;
  department: string;
  enabled: boolean;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** One deployed version of an item and the process definition version it deployed. */
export interface ItemVersionRecord {
  code: string;
  version: number;
  name: string;
  definitionKey: string;
  definitionVersion: number;
  deployedAt: string;
  deployedBy?: string;
}

/** Deployed item versions. Versions are immutable; only the item's enabled flag changes. */
export interface ItemRepository {
  /** The highest version deployed so far, 0 for a new item. */
  latestVersion(code: string): Promise<number>;
  /** Stores a new version (its process definition version must be deployed already). */
  save(args: { item: ItemDefinition; disclosure: Disclosure; at: string; by?: string }): Promise<ItemVersionRecord>;
  /** A deployed version, loaded exactly as deployed. */
  get(code: string, version: number): Promise<ItemDefinition | undefined>;
  /** The version new cases start on: the latest, or undefined when the item is unknown or disabled. */
  current(code: string): Promise<ItemDefinition | undefined>;
  find(code: string): Promise<ItemRecord | undefined>;
  list(): Promise<ItemRecord[]>;
  versions(code: string): Promise<ItemVersionRecord[]>;
  /** Disables (no new case) or enables an item; running cases are not touched. */
  setEnabled(code: string, enabled: boolean, at: string): Promise<void>;
  /** The disclosure of a version (the latest when absent). */
  disclosure(code: string, version?: number): Promise<Disclosure | undefined>;
}

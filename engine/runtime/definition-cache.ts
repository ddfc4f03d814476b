/**
 * A small LRU of compiled definitions in front of a `DefinitionRepository`. Safe because a deployed version
 * never changes; `latest` is not cached, since enabling or deploying changes its answer.
 */
import type { ExecutableDefinition } from '../core/model.js';
import type { DefinitionRepository, DeployedDefinition } from './ports.js';

/** Caches `get(key, version)`; every other call goes through. */
export class CachedDefinitionRepository implements DefinitionRepository {
  private readonly cache = new Map<string, ExecutableDefinition>();

  constructor(
    private readonly inner: DefinitionRepository,
    private readonly capacity = 64,
  ) {}

  async get(key: string, version: number): Promise<ExecutableDefinition | undefined> {
    const id = `${key}@${version}`;
    const hit = this.cache.get(id);
    if (hit) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const loaded = await this.inner.get(key, version);
    if (loaded) {
      this.cache.set(id, loaded);
      if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    }
    return loaded;
  }

  latest(key: string): Promise<ExecutableDefinition | undefined> {
    return this.inner.latest(key);
  }

  deploy(args: Parameters<DefinitionRepository['deploy']>[0]): Promise<DeployedDefinition> {
    return this.inner.deploy(args);
  }

  list(key?: string): Promise<DeployedDefinition[]> {
    return this.inner.list(key);
  }

  setEnabled(key: string, version: number, enabled: boolean): Promise<void> {
    return this.inner.setEnabled(key, version, enabled);
  }

  /** Number of cached versions (for tests and metrics). */
  get size(): number {
    return this.cache.size;
  }
}

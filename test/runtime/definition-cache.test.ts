import { describe, expect, it } from 'vitest';
import { CachedDefinitionRepository } from '../../engine/runtime/definition-cache.js';
import type { DefinitionRepository } from '../../engine/runtime/ports.js';
import { fakeDefinition } from './fake-engine.js';

function countingRepository() {
  const reads: string[] = [];
  let latestVersion = 1;
  const repo: DefinitionRepository = {
    async get(key, version) {
      reads.push(`${key}@${version}`);
      return fakeDefinition(key, version);
    },
    async latest(key) {
      reads.push(`${key}@latest`);
      return fakeDefinition(key, latestVersion);
    },
    deploy: async () => { throw new Error('unused'); },
    list: async () => [],
    setEnabled: async () => {},
  };
  return { repo, reads, setLatest: (v: number) => { latestVersion = v; } };
}

describe('definition cache', () => {
  it('reads each immutable version once and evicts the least recently used beyond its capacity', async () => {
    const { repo, reads } = countingRepository();
    const cache = new CachedDefinitionRepository(repo, 2);
    await cache.get('a', 1);
    await cache.get('b', 1);
    await cache.get('a', 1); // a is now the most recent
    await cache.get('c', 1); // evicts b
    await cache.get('a', 1);
    await cache.get('b', 1);
    expect(reads).toEqual(['a@1', 'b@1', 'c@1', 'b@1']);
    expect(cache.size).toBe(2);
  });

  it('always asks the repository for the latest version, which changes on deploy', async () => {
    const { repo, reads, setLatest } = countingRepository();
    const cache = new CachedDefinitionRepository(repo);
    expect((await cache.latest('a'))?.version).toBe(1);
    setLatest(2);
    expect((await cache.latest('a'))?.version).toBe(2);
    expect(reads).toEqual(['a@latest', 'a@latest']);
  });
});

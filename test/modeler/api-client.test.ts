/**
 * The modeler's API client over the answers the contract describes: the catalogue and the definitions list
 * become one list (an item's code once), and both version histories read the same fields.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../modeler/src/api/client.js';
import type { DefinitionRowView } from '../../contracts/api/definitions.js';
import type { ItemRowView, ItemVersionView } from '../../contracts/api/items.js';

const ITEMS: ItemRowView[] = [{ code: 'ITEM-02', name: '食品经营许可', department: '区市场监督管理局', enabled: true, latestVersion: 2, versions: [2, 1] }];
const DEFINITIONS: DefinitionRowView[] = [
  { key: 'ITEM-02', version: 1, processId: 'food', department: '区市场监督管理局', deployedAt: '2026-03-02T01:00:00Z', enabled: true },
  { key: 'permit', version: 2, processId: 'permit', name: 'Permit', department: 'market-supervision', deployedAt: '2026-03-03T01:00:00Z', enabled: true, deployedBy: 'admin', note: '增加缴费' },
  { key: 'permit', version: 1, processId: 'permit', name: 'Permit', department: 'market-supervision', deployedAt: '2026-03-02T01:00:00Z', enabled: true },
];
const ITEM_VERSIONS: ItemVersionView[] = [
  { code: 'ITEM-02', version: 1, name: '食品经营许可', definitionKey: 'ITEM-02', definitionVersion: 1, deployedAt: '2026-03-02T01:00:00Z' },
  { code: 'ITEM-02', version: 2, name: '食品经营许可', definitionKey: 'ITEM-02', definitionVersion: 2, deployedAt: '2026-03-04T01:00:00Z', deployedBy: 'samr-admin', note: '材料调整' },
];

function serve(answers: Record<string, unknown>): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const body = answers[url];
    return body === undefined ? new Response('{}', { status: 404 }) : new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('the modeler API client', () => {
  it('lists the items and the plain definitions once each, versions sorted', async () => {
    serve({ '/api/items': ITEMS, '/api/definitions': DEFINITIONS });
    expect(await new ApiClient().items()).toEqual([
      { code: 'ITEM-02', name: '食品经营许可', kind: 'item', versions: [1, 2], department: '区市场监督管理局' },
      { code: 'permit', name: 'Permit', kind: 'definition', versions: [1, 2], department: 'market-supervision' },
    ]);
  });

  it("reads an item's and a definition's version history with when, who and the note", async () => {
    const asked = serve({ '/api/items': ITEMS, '/api/definitions': DEFINITIONS, '/api/items/ITEM-02/versions': ITEM_VERSIONS, '/api/definitions?key=permit': DEFINITIONS.filter((d) => d.key === 'permit') });
    const client = new ApiClient();
    await client.items();
    expect(await client.versionHistory('ITEM-02')).toEqual([
      { version: 1, deployedAt: '2026-03-02T01:00:00Z' },
      { version: 2, deployedAt: '2026-03-04T01:00:00Z', deployedBy: 'samr-admin', note: '材料调整' },
    ]);
    expect(await client.versionHistory('permit')).toEqual([
      { version: 2, deployedAt: '2026-03-03T01:00:00Z', deployedBy: 'admin', note: '增加缴费' },
      { version: 1, deployedAt: '2026-03-02T01:00:00Z' },
    ]);
    expect(asked.slice(2)).toEqual(['/api/items/ITEM-02/versions', '/api/definitions?key=permit']);
  });
});

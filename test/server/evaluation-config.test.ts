/** The evaluation budget is configured from `SHENPI_FEEL_*`; a value that is not a positive integer is refused by name. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../engine/expression/index.js';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('evaluation budget configuration', () => {
  it('takes the defaults, and each limit from its variable', () => {
    expect(loadConfig({}).evaluation).toEqual(DEFAULT_LIMITS);
    const config = loadConfig({ SHENPI_FEEL_MAX_ITERATIONS: '500', SHENPI_FEEL_MAX_MS: '250', SHENPI_FEEL_MAX_DEPTH: '8' });
    expect(config.evaluation).toMatchObject({ maxIterations: 500, maxMillis: 250, maxDepth: 8, maxListLength: DEFAULT_LIMITS.maxListLength });
  });

  it('refuses a limit below one or not a number, naming the variable', () => {
    expect(() => loadConfig({ SHENPI_FEEL_MAX_LIST: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ SHENPI_FEEL_MAX_STRING: 'lots' })).toThrow(/SHENPI_FEEL_MAX_STRING/);
  });
});

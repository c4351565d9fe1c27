import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('accepts an empty development environment with defaults', () => {
    expect(parseEnv({})).toMatchObject({ NODE_ENV: 'development', DB_POOL_MAX: 10, ROOT_DOMAIN: 'localhost' });
  });

  it('names each malformed variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', DB_POOL_MAX: '0', ROOT_DOMAIN: 'MyApp.com:3000' })).toThrow(
      /DATABASE_URL: must be a postgres[\s\S]*DB_POOL_MAX[\s\S]*ROOT_DOMAIN/,
    );
  });
});

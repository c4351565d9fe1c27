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

  it('refuses a CNAME target under the root domain whose label a workspace could take', () => {
    expect(() => parseEnv({ ROOT_DOMAIN: 'myapp.com', CUSTOM_DOMAIN_CNAME_TARGET: 'route.myapp.com' })).toThrow(
      /CUSTOM_DOMAIN_CNAME_TARGET: "route" is not a reserved subdomain/,
    );
    expect(parseEnv({ ROOT_DOMAIN: 'myapp.com', CUSTOM_DOMAIN_CNAME_TARGET: 'cname.myapp.com' })).toBeDefined();
    expect(parseEnv({ ROOT_DOMAIN: 'myapp.com', CUSTOM_DOMAIN_CNAME_TARGET: 'edge.cdn.example' })).toBeDefined();
  });

  it('checks the rate-limit settings', () => {
    expect(parseEnv({})).toMatchObject({ REDIS_KEY_PREFIX: 'tenantry:', TRUSTED_PROXY_HOPS: 0 });
    expect(parseEnv({ REDIS_URL: 'rediss://cache:6380', TRUSTED_PROXY_HOPS: '1' })).toMatchObject({
      REDIS_URL: 'rediss://cache:6380',
      TRUSTED_PROXY_HOPS: 1,
    });
    expect(() => parseEnv({ REDIS_URL: 'http://cache', TRUSTED_PROXY_HOPS: '-1' })).toThrow(
      /REDIS_URL: must be a redis[\s\S]*TRUSTED_PROXY_HOPS/,
    );
  });

  it('checks the file storage settings', () => {
    expect(parseEnv({})).toMatchObject({
      FILES_DIR: '.data/files',
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
    });
    expect(
      parseEnv({ S3_BUCKET: 'files', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' }),
    ).toMatchObject({ S3_BUCKET: 'files', S3_FORCE_PATH_STYLE: true });
    expect(() => parseEnv({ S3_ACCESS_KEY_ID: 'AKIA' })).toThrow(/S3_SECRET_ACCESS_KEY: set S3_ACCESS_KEY_ID and/);
    expect(() => parseEnv({ S3_ENDPOINT: 'not a url', FILES_SIGNING_SECRET: 'short' })).toThrow(
      /S3_ENDPOINT[\s\S]*FILES_SIGNING_SECRET/,
    );
  });
});

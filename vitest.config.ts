import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@/': `${path.resolve(import.meta.dirname)}/`,
      // 'server-only' throws outside React's server build; tests and scripts are server code too.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only-stub.ts'),
    },
  },
  test: {
    include: ['{lib,app,components,scripts,tests}/**/*.test.ts', 'proxy.test.ts'],
    globalSetup: ['tests/support/test-database.ts', 'tests/support/test-redis.ts'],
    setupFiles: ['tests/support/database-env.ts', 'tests/support/redis-env.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

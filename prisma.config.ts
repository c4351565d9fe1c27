// Prisma 7 reads the datasource URL from here, not from schema.prisma. The CLI is used only for
// `prisma generate`; migrations are applied by scripts/db/migrate.ts (see docs/decisions).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});

// @ts-check
import { createJiti } from 'jiti';

// Validate the environment with the app's own zod schema (lib/env.ts) at build and at boot, so a
// missing or malformed variable stops here with its name. jiti loads the TypeScript file: plain
// Node 20 cannot import .ts from a .js config.
const jiti = createJiti(import.meta.url);
/** @type {typeof import('./lib/env')} */
const { parseEnv } = await jiti.import('./lib/env.ts');
parseEnv(process.env);

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;

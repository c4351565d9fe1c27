// @ts-check
import { parseEnv } from './lib/env.ts';

// Fail the build (and `next dev`) with a readable message when the environment is malformed.
parseEnv(process.env);

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;

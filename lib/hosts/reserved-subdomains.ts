// Subdomains that are the platform's own and can never be a workspace slug.
export const RESERVED_SUBDOMAINS = new Set([
  'www', 'app', 'api', 'admin', 'auth', 'login', 'signup', 'account', 'accounts', 'billing',
  'dashboard', 'docs', 'help', 'support', 'status', 'blog', 'mail', 'email', 'smtp', 'static',
  'assets', 'cdn', 'media', 'files', 'internal', 'platform', 'root', 'system', 'test', 'dev',
  'staging', 'preview', 'security', 'ns1', 'ns2', 'mx', 'ftp', 'webmail', '_next',
]);

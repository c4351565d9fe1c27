// What an API key may do: the scopes an admin grants it, and the one table of which scopes allow
// which API permission (as lib/auth/permissions.ts is for member roles). Route handlers ask
// `keyMay(scopes, permission)`; nothing else decides. A write scope allows reading the same resource.
export const API_KEY_SCOPES = ['projects:read', 'projects:write', 'tasks:read', 'tasks:write', 'members:read'] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_PERMISSIONS = {
  'workspace.read': API_KEY_SCOPES,
  'projects.read': ['projects:read', 'projects:write'],
  'projects.write': ['projects:write'],
  'tasks.read': ['tasks:read', 'tasks:write'],
  'tasks.write': ['tasks:write'],
  'members.read': ['members:read'],
} as const satisfies Record<string, readonly ApiKeyScope[]>;

export type ApiPermission = keyof typeof API_PERMISSIONS;

export function keyMay(scopes: readonly string[], permission: ApiPermission): boolean {
  const granting: readonly string[] = API_PERMISSIONS[permission];
  return scopes.some((scope) => granting.includes(scope));
}

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}

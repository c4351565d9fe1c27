// Who changed a workspace's SSO settings: the signed-in owner, named in the audit log.
export type SsoActor = { id: string; email: string };

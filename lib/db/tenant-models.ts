// Which models are tenant data (carry tenantId). Listed, not inferred, so that adding a model is a
// compile error here until someone decides; the table audit then checks the database agrees.
import type { Prisma } from '../generated/prisma/client';

export const IS_TENANT_MODEL = {
  Tenant: false,
  User: false,
  Account: false,
  Session: false,
  VerificationToken: false,
  Membership: true,
  Invitation: true,
  Domain: true,
  Project: true,
  Task: true,
} as const satisfies Record<Prisma.ModelName, boolean>;

export function isTenantModel(model: string | undefined): boolean {
  return model !== undefined && model in IS_TENANT_MODEL && IS_TENANT_MODEL[model as Prisma.ModelName];
}

/** Prisma's delegate name for a model: Project → project. */
export function delegateName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

// The SCIM request bodies we accept, as zod schemas: bounded sizes, unknown attributes dropped.
// Entra ID sends booleans as the strings "True"/"False", and operation names in any case.
import { z } from 'zod';

export const ScimBoolean = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false']))
    .transform((value) => value === 'true'),
]);

const Text = z.string().max(500);
const Schemas = z.array(z.string().max(200)).max(10).optional();

export const ScimName = z.object({
  formatted: Text.optional(),
  givenName: Text.optional(),
  familyName: Text.optional(),
});
export const ScimEmails = z
  .array(z.object({ value: z.string().trim().max(320), primary: ScimBoolean.optional(), type: Text.optional() }))
  .max(20);

export const ScimUserInput = z.object({
  schemas: Schemas,
  userName: z.string().trim().min(1).max(320),
  externalId: Text.nullish(),
  name: ScimName.optional(),
  displayName: Text.optional(),
  emails: ScimEmails.optional(),
  active: ScimBoolean.optional(),
});
export type ScimUserInput = z.infer<typeof ScimUserInput>;

const MemberReference = z.object({ value: z.string().max(100), display: Text.optional() });
export const ScimMemberReferences = z.array(MemberReference).max(1000);

export const ScimGroupInput = z.object({
  schemas: Schemas,
  displayName: z.string().trim().min(1).max(200),
  externalId: Text.nullish(),
  members: ScimMemberReferences.optional(),
});
export type ScimGroupInput = z.infer<typeof ScimGroupInput>;

export const ScimPatchInput = z.object({
  schemas: Schemas,
  Operations: z
    .array(
      z.object({
        op: z
          .string()
          .toLowerCase()
          .pipe(z.enum(['add', 'remove', 'replace'])),
        path: z.string().max(300).optional(),
        value: z.unknown().optional(),
      }),
    )
    .min(1)
    .max(100),
});
export type ScimPatchOperation = z.infer<typeof ScimPatchInput>['Operations'][number];

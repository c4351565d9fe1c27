// Seeds the example workspaces through the app's own clients, as app_user (accounts and passwords
// as auth_user, billing state as billing_user): the seed goes through the same policies as the app.
// Idempotent: an existing workspace is left as it is.
import { hashPassword } from '../lib/auth/password';
import { authDb, authDbFor } from '../lib/db/auth-db';
import { billingTenantDb } from '../lib/db/billing-db';
import { globalDb } from '../lib/db/global-db';
import { tenantDb } from '../lib/db/tenant-db';
import { slugSkeleton } from '../lib/workspaces/slug-skeleton';
import { SEED_PASSWORD, SEED_WORKSPACES } from './seed-data';

export async function seed(): Promise<string[]> {
  const created: string[] = [];
  let seedHash: string | undefined;
  for (const workspace of SEED_WORKSPACES) {
    if (await globalDb().tenant.findUnique({ where: { slug: workspace.slug } })) continue;
    const tenant = await globalDb().tenant.create({
      data: { slug: workspace.slug, slugSkeleton: slugSkeleton(workspace.slug), name: workspace.name },
    });
    const db = tenantDb(tenant.id);
    seedHash ??= await hashPassword(SEED_PASSWORD);
    const hash = seedHash;
    // Accounts are auth_user's to write; a user seeded earlier keeps what they have.
    const seededUsers: { id: string; role: (typeof workspace.members)[number]['role'] }[] = [];
    for (const member of workspace.members) {
      const user = await authDb().user.upsert({
        where: { email: member.email },
        create: { email: member.email, name: member.name, emailVerified: new Date() },
        update: {},
        select: { id: true },
      });
      seededUsers.push({ id: user.id, role: member.role });
    }
    const claims: string[] = [];
    await db.$transaction(async (tx) => {
      for (const user of seededUsers) await tx.membership.create({ data: { userId: user.id, role: user.role } });
      for (const domain of workspace.verifiedEmailDomains ?? []) {
        const claim = await tx.ssoEmailDomain.create({ data: { domain, verificationToken: 'seeded' } });
        claims.push(claim.id);
      }
      for (const project of workspace.projects) {
        await tx.project.create({
          data: {
            name: project.name,
            tasks: { create: project.tasks.map((title, position) => ({ title, position })) },
          },
        });
      }
    });
    // Seeded as proven (no DNS here); only auth_user records a DNS proof.
    for (const claimId of claims) {
      await authDbFor(tenant.id)
        .$queryRaw`SELECT verified FROM record_email_domain_check(${claimId}::uuid, true, NULL)`;
    }
    // A plan given by hand (no Stripe customer, so Stripe never overrides it): billing_user's to write.
    if (workspace.compedPlan) {
      await billingTenantDb(tenant.id).billingState.create({ data: { plan: workspace.compedPlan, status: 'active' } });
    }
    await authDb().userPassword.createMany({
      data: seededUsers.map((user) => ({ userId: user.id, hash })),
      skipDuplicates: true,
    });
    created.push(workspace.slug);
  }
  return created;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seed()
    .then((created) => {
      console.log(created.length ? `[db] seeded ${created.join(', ')}` : '[db] seed data already present');
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error('[db] seed failed:', error);
      process.exit(1);
    });
}

// The two example workspaces every fresh install gets. Edit freely: nothing depends on the names
// except the e2e smoke tests.
import type { Role } from '../lib/generated/prisma/client';

/** Every seeded person signs in with this password (development and tests only). */
export const SEED_PASSWORD = 'tenantry-dev-password';

type SeedWorkspace = {
  slug: string;
  name: string;
  /** A plan given without Stripe (e.g. a design partner's); billing never overrides it unless the
   *  workspace becomes a Stripe customer. */
  compedPlan?: 'pro';
  /** Email domains the workspace has proven it owns (as its DNS TXT record would), so single sign-on
   *  can be tried locally against the test IdP (README: "Try single sign-on locally"). */
  verifiedEmailDomains?: string[];
  members: { email: string; name: string; role: Role }[];
  projects: { name: string; tasks: string[] }[];
};

export const SEED_WORKSPACES: SeedWorkspace[] = [
  {
    slug: 'acme',
    name: 'Acme Inc.',
    compedPlan: 'pro',
    verifiedEmailDomains: ['acme.test'],
    members: [
      { email: 'alice@acme.test', name: 'Alice Anders', role: 'owner' },
      { email: 'bob@acme.test', name: 'Bob Brandt', role: 'member' },
      { email: 'carol@consulting.test', name: 'Carol Chen', role: 'admin' },
    ],
    projects: [
      { name: 'Rocket Skates', tasks: ['Order more rockets', 'Test on a canyon road'] },
      { name: 'Anvil Logistics', tasks: ['Find a supplier for giant magnets'] },
    ],
  },
  {
    slug: 'globex',
    name: 'Globex Corporation',
    members: [
      { email: 'grace@globex.test', name: 'Grace Garcia', role: 'owner' },
      { email: 'hank@globex.test', name: 'Hank Scorpio', role: 'member' },
      { email: 'carol@consulting.test', name: 'Carol Chen', role: 'member' },
    ],
    projects: [
      { name: 'Cypress Creek Campus', tasks: ['Hire a hammock district manager'] },
      { name: 'Doomsday Device', tasks: ['Pass the safety review', 'Rename the project'] },
    ],
  },
];

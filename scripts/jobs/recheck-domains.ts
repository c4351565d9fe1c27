// npm run jobs:recheck-domains [-- --every 10]: re-checks every custom domain's DNS and records
// status changes (a verified domain whose CNAME went away stops routing; a pending one whose records
// appeared starts). Lists domains across workspaces as platform_admin, then records each check as
// that domain's own workspace, so the same rules apply as to "check now". Email domains claimed for
// SSO are re-proven the same way: one whose TXT record is gone stops being verified (and SSO stops
// covering its addresses), so a domain that changed hands stops trusting the old owner's IdP.
// The worker runs the same on a schedule (scripts/jobs/crontab.ts).
import { recheckAllDomains } from './platform/recheck-all-domains';
import { runJob } from './run-job';

await runJob('domains', recheckAllDomains);

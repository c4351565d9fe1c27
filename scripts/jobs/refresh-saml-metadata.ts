// npm run jobs:refresh-saml-metadata [-- --every 360]: re-reads the metadata of every SAML connection
// saved from a URL, so certificate rotations at the IdP reach us before the old certificate expires.
// Lists connections across workspaces as platform_admin, then refreshes each as its own workspace.
// The worker runs the same on a schedule (scripts/jobs/crontab.ts).
import { refreshAllSamlMetadata } from './platform/refresh-all-saml-metadata';
import { runJob } from './run-job';

await runJob('sso', refreshAllSamlMetadata);

// Points lib/env at the run's test database before any test module reads it.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('ownerUrl');
process.env.APP_DATABASE_URL = inject('appUrl');
process.env.AUTH_DATABASE_URL = inject('authUrl');
process.env.BILLING_DATABASE_URL = inject('billingUrl');
process.env.PLATFORM_DATABASE_URL = inject('platformUrl');
process.env.JOB_WORKER_DATABASE_URL = inject('jobWorkerUrl');

// Points lib/env's REDIS_URL at the run's Redis (when one answered) and this run's key prefix.
import { inject } from 'vitest';

const url = inject('redisUrl');
if (url) process.env.REDIS_URL = url;
process.env.REDIS_KEY_PREFIX = inject('redisKeyPrefix');

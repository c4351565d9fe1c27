// A request refused by a rate limit, and how it is told: in words on a form, or as a code in the
// sign-in page's ?error= (next-auth carries nothing else there). Pure: the sign-in form uses it too.
export type LimitScope = 'account' | 'address' | 'network';
export type LimitRefusal = { scope: LimitScope; retryAfterSeconds: number };

const CODES = { account: 'TooManyAttempts', address: 'TooManyRequests', network: 'TooManyFromNetwork' } as const;
// ?error= is anyone's to write: the minutes it names are clamped to what a real refusal can say.
const MAX_MINUTES = 60;

export function refusal(scope: LimitScope, msLeft: number): LimitRefusal {
  return { scope, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
}

export function refusalCode({ scope, retryAfterSeconds }: LimitRefusal): string {
  return `${CODES[scope]}-${minutes(retryAfterSeconds)}`;
}

export function parseRefusalCode(code: string): LimitRefusal | null {
  const match = /^(TooManyAttempts|TooManyRequests|TooManyFromNetwork)-(\d{1,2})$/.exec(code);
  if (!match) return null;
  const scope = (Object.keys(CODES) as LimitScope[]).find((key) => CODES[key] === match[1]) ?? 'network';
  return { scope, retryAfterSeconds: Math.min(Number(match[2]), MAX_MINUTES) * 60 };
}

/** `what`: the thing limited, e.g. "sign-in attempts", "password-reset emails". */
export function refusalMessage({ scope, retryAfterSeconds }: LimitRefusal, what: string): string {
  const whose = { account: 'for this account', address: 'for this address', network: 'from your network' }[scope];
  const count = minutes(retryAfterSeconds);
  return `Too many ${what} ${whose}. Try again in ${count} ${count === 1 ? 'minute' : 'minutes'}.`;
}

function minutes(seconds: number): number {
  return Math.min(Math.max(1, Math.ceil(seconds / 60)), MAX_MINUTES);
}

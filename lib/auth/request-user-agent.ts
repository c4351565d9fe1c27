// The User-Agent of the request opening a session, kept with the session row so the sessions page
// can say which browser it is. Cut to a bound length: it is client input, stored for display only.
import 'server-only';
import { headers } from 'next/headers';
import { USER_AGENT_MAX_LENGTH } from './describe-device';

export async function requestUserAgent(): Promise<string | null> {
  const value = (await headers()).get('user-agent');
  return value ? value.slice(0, USER_AGENT_MAX_LENGTH) : null;
}

// A session's device as a person recognises it ("Chrome on Linux"), from the User-Agent the
// browser sent at sign-in. bowser (MIT, widely used) does the parsing; ua-parser-js 2 is AGPL.
// Display only: a User-Agent is whatever the client chose to send, so nothing decides on it.
import Bowser from 'bowser';

export const USER_AGENT_MAX_LENGTH = 512;

export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const parser = Bowser.getParser(userAgent.slice(0, USER_AGENT_MAX_LENGTH));
  const browser = parser.getBrowserName();
  const os = parser.getOSName();
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || 'Unknown device';
}

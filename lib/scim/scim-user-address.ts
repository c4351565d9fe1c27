// What a SCIM user body says about the person: the address (the primary email, else the first,
// else the userName; it must be an email address, and it is the global account SCIM links) and
// the name the IdP gives them (kept on the SCIM record, never on the account). Pure.
import { z } from 'zod';
import { ScimFailure } from './scim-failure';
import type { ScimEmails, ScimName } from './scim-input';

const EmailAddress = z.email().max(320);

type Described = {
  userName: string;
  emails?: z.infer<typeof ScimEmails> | undefined;
  name?: z.infer<typeof ScimName> | undefined;
  displayName?: string | undefined;
};

export function scimUserAddress(input: Pick<Described, 'userName' | 'emails'>): string {
  const listed = input.emails?.find((email) => email.primary) ?? input.emails?.[0];
  const address = emailAddress(listed?.value ?? input.userName);
  if (!address) throw new ScimFailure(400, 'The user needs an email address (userName or emails).', 'invalidValue');
  return address;
}

/** The lower-cased address, or null when the value is not an email address (a userName like "jdoe"). */
export function emailAddress(value: string): string | null {
  const parsed = EmailAddress.safeParse(value.trim().toLowerCase());
  return parsed.success ? parsed.data : null;
}

export function scimDisplayName(input: Pick<Described, 'name' | 'displayName'>): string | null {
  const parts = [input.name?.givenName, input.name?.familyName].filter(Boolean).join(' ');
  return input.name?.formatted || input.displayName || parts || null;
}

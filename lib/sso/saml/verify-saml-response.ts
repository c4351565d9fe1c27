// The ACS's verdict on a SAML response posted for a workspace. node-saml checks the signature (with
// the IdP's certificates from the connection), the audience (this workspace's entity id), the time
// window and that it answers a request we sent. We then check what node-saml does not: the signed
// assertion's issuer is the workspace's IdP, the request is answered only once, and the assertion is
// used only once, even when the same response is posted twice at the same moment.
//
// Refusals are return values with a fixed, short reason (never node-saml's message, which quotes
// the attacker's XML); only database failures throw.
import 'server-only';
import { type Profile, SamlStatusError } from '@node-saml/node-saml';
import { z } from 'zod';
import { tenantDb } from '../../db/tenant-db';
import { isUniqueViolation } from '../../db/unique-violation';
import {
  SAML_CLOCK_SKEW_MS,
  SAML_REQUEST_LIFETIME_MS,
  type SamlConnection,
  SamlRequestStore,
  SamlStoreError,
  samlClient,
} from './saml-client';

export type SamlVerification =
  | { ok: true; email: string; nameId: string; nameIdFormat: string | null; assertionId: string; name: string | null }
  | { ok: false; reason: string };

export const RESPONSE_ALREADY_USED = 'This sign-in response was already used.';
export const REQUEST_ALREADY_ANSWERED = 'This sign-in request was already answered.';

// Real responses are a few KB; a cap keeps a hostile post from costing a large parse.
const MAX_RESPONSE_BASE64_CHARS = 512 * 1024;

const REFUSALS: [RegExp, string][] = [
  [/signature/i, 'The response is not signed by the identity provider.'],
  [/InResponseTo/i, 'The response does not answer a pending sign-in request (it expired or was already used).'],
  [/audience/i, 'The response was made for another service provider.'],
  [/expired|not yet valid|subject confirmation/i, 'The response has expired or is not yet valid.'],
  [/Missing SAML assertion/i, 'The response contains no assertion.'],
];

export async function verifySamlResponse(
  connection: SamlConnection,
  samlResponseBase64: string,
): Promise<SamlVerification> {
  if (samlResponseBase64.length > MAX_RESPONSE_BASE64_CHARS) return refuse('The response is too large.');
  // No DTDs in SAML: refusing them up front keeps entity tricks away from every parser below.
  if (/<!DOCTYPE|<!ENTITY/i.test(Buffer.from(samlResponseBase64, 'base64').toString('utf8'))) {
    return refuse('The response could not be read.');
  }
  await deleteExpired(connection.tenantId);

  const requests = new SamlRequestStore(connection.tenantId);
  let profile: Profile | null;
  try {
    ({ profile } = await samlClient(connection, requests).validatePostResponseAsync({
      SAMLResponse: samlResponseBase64,
    }));
  } catch (error) {
    if (error instanceof SamlStoreError) throw error;
    return refuse(refusalReason(error));
  }
  if (!profile) return refuse('The response does not sign anyone in.');
  if (profile.issuer !== connection.idpEntityId) return refuse('The response comes from another identity provider.');

  const assertion = assertionFacts(profile);
  const nameId = typeof profile.nameID === 'string' ? profile.nameID.trim() : '';
  const inResponseTo = typeof profile.inResponseTo === 'string' ? profile.inResponseTo : null;
  if (!assertion || !nameId || !inResponseTo) return refuse('The response could not be read.');
  const email = emailOf(profile, nameId);
  if (!email) return refuse('The response has no email address.');

  // node-saml looked the request up but may not have deleted it (it skips that when the assertion's
  // SubjectConfirmationData has no InResponseTo), and two posts can both look before either deletes.
  if (!(await requests.consume(inResponseTo))) return refuse(REQUEST_ALREADY_ANSWERED);
  // The primary key makes this the one check that two concurrent posts cannot both pass.
  try {
    await tenantDb(connection.tenantId).samlAssertionSeen.create({
      data: { assertionId: assertion.id, expiresAt: assertion.replayableUntil },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse(RESPONSE_ALREADY_USED);
    throw error;
  }
  const nameIdFormat = typeof profile.nameIDFormat === 'string' ? profile.nameIDFormat : null;
  return { ok: true, email, nameId, nameIdFormat, assertionId: assertion.id, name: displayName(profile) };
}

function refuse(reason: string): SamlVerification {
  return { ok: false, reason };
}

function refusalReason(error: unknown): string {
  if (error instanceof SamlStatusError) return 'The identity provider did not sign the user in.';
  const message = error instanceof Error ? error.message : '';
  return REFUSALS.find(([pattern]) => pattern.test(message))?.[1] ?? 'The response could not be read.';
}

/** Expired rows of both tables, for this workspace: two indexed deletes per sign-in. */
async function deleteExpired(tenantId: string): Promise<void> {
  const db = tenantDb(tenantId);
  const now = new Date();
  await Promise.all([
    db.samlRequest.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.samlAssertionSeen.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
}

// The signed assertion as node-saml parsed it (xml2js: attributes under $, children as arrays).
const Expiry = z.object({ NotOnOrAfter: z.string().optional() }).optional();
const ParsedAssertion = z.object({
  Assertion: z.object({
    $: z.object({ ID: z.string().min(1) }),
    Conditions: z.array(z.object({ $: Expiry })).optional(),
    Subject: z
      .array(
        z.object({
          SubjectConfirmation: z
            .array(z.object({ SubjectConfirmationData: z.array(z.object({ $: Expiry })).optional() }))
            .optional(),
        }),
      )
      .optional(),
  }),
});

/**
 * The assertion's id, and until when node-saml could still accept it: its latest NotOnOrAfter plus
 * the clock skew (or a request's lifetime if it states none). Its replay record must last that long.
 */
function assertionFacts(profile: Profile): { id: string; replayableUntil: Date } | null {
  const parsed = ParsedAssertion.safeParse(profile.getAssertion?.());
  if (!parsed.success) return null;
  const { $, Conditions = [], Subject = [] } = parsed.data.Assertion;
  const confirmations = Subject.flatMap((subject) => subject.SubjectConfirmation ?? []);
  const expiries = [
    ...Conditions.map((conditions) => conditions.$?.NotOnOrAfter),
    ...confirmations
      .flatMap((confirmation) => confirmation.SubjectConfirmationData ?? [])
      .map((data) => data.$?.NotOnOrAfter),
  ]
    .map((value) => (value ? Date.parse(value) : Number.NaN))
    .filter((time) => !Number.isNaN(time));
  // Without an expiry, maxAssertionAgeMs bounds it: issued at most a lifetime (plus skew either side) ago.
  const until =
    expiries.length > 0
      ? Math.max(...expiries) + SAML_CLOCK_SKEW_MS
      : Date.now() + SAML_REQUEST_LIFETIME_MS + 2 * SAML_CLOCK_SKEW_MS;
  return { id: $.ID, replayableUntil: new Date(until) };
}

const EMAIL_ATTRIBUTES = [
  'email',
  'mail',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  'urn:oid:0.9.2342.19200300.100.1.3',
];
const NAME_ATTRIBUTES = ['name', 'displayName', 'http://schemas.microsoft.com/identity/claims/displayname'];
const GIVEN_NAME_ATTRIBUTES = [
  'givenName',
  'firstName',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
];
const FAMILY_NAME_ATTRIBUTES = [
  'sn',
  'surname',
  'lastName',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
];

/** The email attribute, else the NameID when it is an email address; lower-cased. */
function emailOf(profile: Profile, nameId: string): string | null {
  const candidates = [...EMAIL_ATTRIBUTES.map((name) => attribute(profile, name)), nameId];
  const email = candidates.find((value) => value && z.email().safeParse(value).success);
  return email ? email.toLowerCase() : null;
}

function displayName(profile: Profile): string | null {
  const full = firstAttribute(profile, NAME_ATTRIBUTES);
  if (full) return full;
  const parts = [firstAttribute(profile, GIVEN_NAME_ATTRIBUTES), firstAttribute(profile, FAMILY_NAME_ATTRIBUTES)];
  return parts.filter(Boolean).join(' ') || null;
}

function firstAttribute(profile: Profile, names: string[]): string | null {
  for (const name of names) {
    const value = attribute(profile, name);
    if (value) return value;
  }
  return null;
}

/** An attribute's first text value, trimmed (node-saml gives one value as is, several as an array). */
function attribute(profile: Profile, name: string): string | null {
  const attributes = profile.attributes;
  if (typeof attributes !== 'object' || attributes === null || !Object.hasOwn(attributes, name)) return null;
  const value: unknown = (attributes as Record<string, unknown>)[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first.trim() : null;
}

// What a browser sends back from a WebAuthn ceremony, checked for shape and size before the library
// parses it: base64url strings of bounded length, nothing else trusted. The library then verifies
// every byte (challenge, origin, RP ID hash, flags, signature).
import { z } from 'zod';

const base64url = (max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/)
    .max(max);
const CREDENTIAL_ID = base64url(1366); // 1023 bytes, the spec's maximum

const Common = {
  id: CREDENTIAL_ID.min(1),
  rawId: CREDENTIAL_ID.min(1),
  type: z.literal('public-key'),
  clientExtensionResults: z.object({}).loose(),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

export const RegistrationResponseInput = z.object({
  ...Common,
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(32_768),
    transports: z
      .array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']))
      .max(7)
      .optional(),
  }),
});

export const AuthenticationResponseInput = z.object({
  ...Common,
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(4096),
    signature: base64url(2048),
    userHandle: base64url(128).optional(),
  }),
});

export const PasskeyName = z.string().trim().min(1, 'Give the passkey a name.').max(60);

export type RegistrationResponse = z.output<typeof RegistrationResponseInput>;
export type AuthenticationResponse = z.output<typeof AuthenticationResponseInput>;

/** An assertion sent as a form field's JSON text (the second step, removing a passkey); null if it is none. */
export function assertionFromText(text: string): AuthenticationResponse | null {
  try {
    const parsed = AuthenticationResponseInput.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not JSON: not an answer
  }
}

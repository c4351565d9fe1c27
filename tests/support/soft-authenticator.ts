// A software authenticator for tests: a P-256 key pair from node:crypto that answers registration
// ("none" attestation) and sign-in ceremonies byte for byte as a real one does, so the server's
// verification runs for real. `counter` can be wound back to imitate a cloned authenticator.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

export type SoftAuthenticator = {
  credentialId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  counter: number;
  /** false: an authenticator that keeps its counter at 0 (many synced passkeys do). */
  counting: boolean;
  userVerified: boolean;
  /** Set at registration: the user handle the relying party gave this credential. */
  userHandle?: string;
};

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;

export function softAuthenticator(options: { userVerified?: boolean; counting?: boolean } = {}): SoftAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    credentialId: randomBytes(16).toString('base64url'),
    privateKey,
    publicKey,
    counter: 0,
    counting: options.counting ?? true,
    userVerified: options.userVerified ?? true,
  };
}

/** What navigator.credentials.create() would give for these options, on `origin`. */
export function createCredential(
  authenticator: SoftAuthenticator,
  options: { challenge: string; rp: { id?: string }; user: { id: string } },
  origin: string,
): RegistrationResponseJSON {
  authenticator.userHandle = options.user.id;
  const credentialId = Buffer.from(authenticator.credentialId, 'base64url');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(credentialId.length);
  const authData = Buffer.concat([
    header(authenticator, options.rp.id ?? new URL(origin).hostname, FLAG_ATTESTED_CREDENTIAL),
    Buffer.alloc(16), // aaguid: none
    length,
    credentialId,
    coseKey(authenticator.publicKey),
  ]);
  const attestationObject = isoCBOR.encode(
    new Map<string, string | Map<string, string> | Uint8Array>([
      ['fmt', 'none'],
      ['attStmt', new Map<string, string>()],
      ['authData', new Uint8Array(authData)],
    ]),
  );
  return {
    id: authenticator.credentialId,
    rawId: authenticator.credentialId,
    type: 'public-key',
    clientExtensionResults: {},
    authenticatorAttachment: 'platform',
    response: {
      clientDataJSON: clientData('webauthn.create', options.challenge, origin),
      attestationObject: Buffer.from(attestationObject).toString('base64url'),
      transports: ['internal'],
    },
  };
}

/** What navigator.credentials.get() would give: a signature over the challenge, counter + 1 (if counting). */
export function getAssertion(
  authenticator: SoftAuthenticator,
  options: { challenge: string; rpId?: string },
  origin: string,
): AuthenticationResponseJSON {
  if (authenticator.counting) authenticator.counter += 1;
  const authenticatorData = header(authenticator, options.rpId ?? new URL(origin).hostname, 0);
  const clientDataJSON = clientData('webauthn.get', options.challenge, origin);
  const clientDataHash = createHash('sha256').update(Buffer.from(clientDataJSON, 'base64url')).digest();
  const signature = sign('sha256', Buffer.concat([authenticatorData, clientDataHash]), authenticator.privateKey);
  return {
    id: authenticator.credentialId,
    rawId: authenticator.credentialId,
    type: 'public-key',
    clientExtensionResults: {},
    authenticatorAttachment: 'platform',
    response: {
      clientDataJSON,
      authenticatorData: authenticatorData.toString('base64url'),
      signature: signature.toString('base64url'),
      userHandle: authenticator.userHandle,
    },
  };
}

function header(authenticator: SoftAuthenticator, rpId: string, extraFlags: number): Buffer {
  const flags = FLAG_USER_PRESENT | (authenticator.userVerified ? FLAG_USER_VERIFIED : 0) | extraFlags;
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(authenticator.counter);
  return Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([flags]), counter]);
}

function clientData(type: string, challenge: string, origin: string): string {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false })).toString('base64url');
}

// COSE_Key for ES256: kty EC2 (2), alg -7, crv P-256 (1), x, y.
function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  const coordinate = (value: string | undefined) => new Uint8Array(Buffer.from(value ?? '', 'base64url'));
  const key = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, coordinate(jwk.x)],
    [-3, coordinate(jwk.y)],
  ]);
  return Buffer.from(isoCBOR.encode(key));
}

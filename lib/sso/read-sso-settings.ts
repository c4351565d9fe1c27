// What the SSO settings page shows: the connection without its secret (only whether one is
// stored), and the claimed email domains with the TXT record each needs.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import { challengeRecordName } from '../domains/dns-records';

export async function readSsoSettings(db: TenantDb) {
  const [connection, domains] = await Promise.all([
    db.ssoConnection.findFirst({
      select: {
        protocol: true,
        oidcIssuer: true,
        oidcClientId: true,
        oidcClientSecretEncrypted: true,
        samlIdpEntityId: true,
        samlIdpSsoUrl: true,
        samlMetadataUrl: true,
        samlIdpCertificates: true,
        defaultRole: true,
        ssoRequired: true,
        updatedAt: true,
      },
    }),
    db.ssoEmailDomain.findMany({
      orderBy: { domain: 'asc' },
      select: {
        id: true,
        domain: true,
        verificationToken: true,
        verifiedAt: true,
        statusReason: true,
        lastCheckedAt: true,
      },
    }),
  ]);
  return {
    connection: connection && {
      protocol: connection.protocol,
      oidcIssuer: connection.oidcIssuer,
      oidcClientId: connection.oidcClientId,
      // Never the secret itself, not even encrypted: the page needs only to know there is one.
      hasClientSecret: connection.oidcClientSecretEncrypted !== null,
      samlIdpEntityId: connection.samlIdpEntityId,
      samlIdpSsoUrl: connection.samlIdpSsoUrl,
      samlMetadataUrl: connection.samlMetadataUrl,
      samlCertificateCount: connection.samlIdpCertificates.length,
      defaultRole: connection.defaultRole,
      ssoRequired: connection.ssoRequired,
      updatedAt: connection.updatedAt,
    },
    domains: domains.map((claim) => ({ ...claim, recordName: challengeRecordName(claim.domain) })),
  };
}

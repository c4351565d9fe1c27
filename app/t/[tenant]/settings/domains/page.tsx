// Domains settings (acme.<root>/settings/domains): a workspace's custom domains, each with its
// status and the exact DNS records still to create, and forms to add, check and remove them.
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { requireMember } from '@/lib/auth/require-member';
import { type DomainView, describeDomain } from '@/lib/domains/describe-domain';
import { listDomains } from '@/lib/domains/list-domains';
import type { DomainStatus } from '@/lib/domains/next-domain-status';
import { routingTarget } from '@/lib/domains/routing-target';
import { addDomain, checkDomainNow, removeDomain } from './actions';

export default async function DomainsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { db } = await requireMember((await params).tenant, {
    path: '/settings/domains',
    permission: 'domains.manage',
  });
  const target = routingTarget();
  const domains = (await listDomains(db)).map((row) => describeDomain(row, target));
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <h1 className="text-3xl font-bold">Domains</h1>
      <p className="mt-2 text-sm text-slate-600">
        Serve this workspace on your own domain. It starts working once DNS proves the domain is yours and points at us.
      </p>

      <ActionForm action={addDomain} id="add-domain-form" className="mt-8 space-y-3">
        <TextField
          name="hostname"
          label="Domain"
          hint={
            target.aRecords.length > 0
              ? 'A subdomain such as app.example.com, or an apex domain such as example.com.'
              : 'A subdomain such as app.example.com.'
          }
        />
        <SubmitButton>Add domain</SubmitButton>
      </ActionForm>

      {domains.length === 0 ? (
        <p className="mt-10 text-sm text-slate-500">No custom domains yet.</p>
      ) : (
        <ul className="mt-10 space-y-6">
          {domains.map((domain) => (
            <DomainRow key={domain.id} domain={domain} />
          ))}
        </ul>
      )}
    </main>
  );
}

const BADGE: Record<DomainStatus, string> = {
  pending: 'bg-amber-100 text-amber-800',
  verified: 'bg-emerald-100 text-emerald-800',
  misconfigured: 'bg-red-100 text-red-800',
};

function DomainRow({ domain }: { domain: DomainView }) {
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-5"
      data-testid="domain-row"
      data-hostname={domain.hostname}
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="font-mono text-lg font-semibold">{domain.hostname}</h2>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${BADGE[domain.status]}`}
          data-testid="domain-status"
          data-status={domain.status}
        >
          {domain.status}
        </span>
        <span className="ml-auto text-xs text-slate-500">
          {domain.lastChecked ? `Last checked ${domain.lastChecked}` : 'Not checked yet'}
        </span>
      </div>

      {domain.takenOver ? (
        <p className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="domain-takeover" role="alert">
          {domain.message}
        </p>
      ) : (
        <p className="mt-3 text-sm text-slate-700" data-testid="domain-status-reason">
          {domain.message}
        </p>
      )}

      {domain.records.length > 0 && <RecordsTable domain={domain} />}

      <div className="mt-4 flex flex-wrap items-start gap-4">
        <ActionForm action={checkDomainNow} id={`check-domain-form-${domain.hostname}`} className="space-y-1">
          <input type="hidden" name="domainId" value={domain.id} />
          <SubmitButton>Check now</SubmitButton>
        </ActionForm>
        <ActionForm action={removeDomain} id={`remove-domain-form-${domain.hostname}`} className="space-y-1">
          <input type="hidden" name="domainId" value={domain.id} />
          <SubmitButton tone="danger">Remove</SubmitButton>
        </ActionForm>
      </div>
    </li>
  );
}

function RecordsTable({ domain }: { domain: DomainView }) {
  return (
    <div className="mt-4">
      <p className="text-sm font-medium">Create these DNS records at your DNS provider:</p>
      <table className="mt-2 w-full text-left text-sm" data-testid="domain-records">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-4 font-medium">Type</th>
            <th className="py-1 pr-4 font-medium">Name</th>
            <th className="py-1 font-medium">Value</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {domain.records.map((record) => (
            <tr key={`${record.type} ${record.name} ${record.value}`} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-4">{record.type}</td>
              <td className="break-all py-1 pr-4">{record.name}</td>
              <td className="break-all py-1">{record.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">
        Some DNS providers add your domain to the name themselves: then enter only the part before it.
      </p>
    </div>
  );
}

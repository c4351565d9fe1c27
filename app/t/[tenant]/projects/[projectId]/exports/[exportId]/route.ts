// Downloads a finished export (acme.<root>/projects/<id>/exports/<exportId>), for members allowed to
// export. Another workspace's export id reads as an unknown one: 404.
import { requireMember } from '@/lib/auth/require-member';
import { readProjectExport } from '@/lib/projects/export/read-project-export';

type Params = { params: Promise<{ tenant: string; projectId: string; exportId: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { tenant, projectId, exportId } = await params;
  const { workspace } = await requireMember(tenant, {
    path: `/projects/${encodeURIComponent(projectId)}`,
    permission: 'projects.export',
  });
  const found = await readProjectExport(workspace.id, exportId);
  if (!found) return new Response('Not found', { status: 404 });
  return new Response(found.csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${downloadName(found.projectName, found.createdAt)}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** ASCII only, no quotes or path characters: a project's name is the member's text, not a header's. */
function downloadName(projectName: string, createdAt: Date): string {
  const base = projectName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'project'}-${createdAt.toISOString().slice(0, 10)}.csv`;
}

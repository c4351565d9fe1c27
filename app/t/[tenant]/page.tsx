// A workspace's home (reached as acme.<root>/, rewritten here by proxy.ts).
import { ProjectList } from '@/components/project-list';
import { requireMember } from '@/lib/auth/require-member';
import { listProjects } from '@/lib/projects/list-projects';

export default async function WorkspaceHome({ params }: { params: Promise<{ tenant: string }> }) {
  const { workspace } = await requireMember((await params).tenant, { path: '/' });
  const projects = await listProjects(workspace.id);
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <p className="text-sm uppercase tracking-wide text-slate-500">Workspace</p>
      <h1 className="text-3xl font-bold">{workspace.name}</h1>
      <h2 className="mt-10 text-xl font-semibold">Projects</h2>
      <ProjectList projects={projects} />
    </main>
  );
}

// A project of the workspace (acme.<root>/projects/<id>). Another workspace's project id is a 404.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireMember } from '@/lib/auth/require-member';
import { getProject } from '@/lib/projects/get-project';

export default async function ProjectPage({ params }: { params: Promise<{ tenant: string; projectId: string }> }) {
  const { tenant, projectId } = await params;
  const { workspace } = await requireMember(tenant, { path: `/projects/${encodeURIComponent(projectId)}` });
  const project = await getProject(workspace.id, projectId);
  if (!project) notFound();
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <Link href="/" className="text-sm text-slate-500 hover:underline">
        ← {workspace.name}
      </Link>
      <h1 className="mt-2 text-3xl font-bold">{project.name}</h1>
      <ul className="mt-6 space-y-2">
        {project.tasks.map((task) => (
          <li key={task.id} className="rounded border border-slate-200 bg-white px-4 py-2">
            <span className={task.done ? 'line-through' : undefined}>{task.title}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}

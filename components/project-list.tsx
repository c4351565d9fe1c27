import Link from 'next/link';
import type { ProjectListing } from '@/lib/projects/list-projects';

export function ProjectList({ projects }: { projects: ProjectListing[] }) {
  if (projects.length === 0) return <p className="mt-4 text-slate-500">No projects yet.</p>;
  return (
    <ul className="mt-4 space-y-4">
      {projects.map((project) => (
        <li key={project.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-medium">
            <Link href={`/projects/${project.id}`} className="hover:underline">
              {project.name}
            </Link>
          </h3>
          <p className="text-sm text-slate-600">{project.openTasks} open tasks</p>
        </li>
      ))}
    </ul>
  );
}

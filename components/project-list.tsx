import Link from 'next/link';

type Project = { id: string; name: string; tasks: { id: string; title: string; status: string }[] };

export function ProjectList({ projects }: { projects: Project[] }) {
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
          <ul className="mt-2 list-disc pl-5 text-sm text-slate-600">
            {project.tasks.map((task) => (
              <li key={task.id} className={task.status === 'done' ? 'line-through' : undefined}>
                {task.title}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

import type { WorkspaceCounts } from '@/lib/workspaces/workspace-counts';

export function WorkspaceCountsSummary({ counts }: { counts: WorkspaceCounts }) {
  const items = [
    { label: 'Projects', value: counts.projects },
    { label: 'Open tasks', value: counts.openTasks, detail: `of ${counts.tasks}` },
    { label: 'Members', value: counts.members },
  ];
  return (
    <dl id="workspace-counts" className="mt-8 grid grid-cols-3 gap-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-500">{item.label}</dt>
          <dd className="mt-1 text-2xl font-semibold">
            {item.value}
            {item.detail && <span className="text-sm font-normal text-slate-500"> {item.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

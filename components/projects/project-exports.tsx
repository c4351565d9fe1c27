'use client';
// A project's exports with their progress. While one is queued or running, the page re-reads itself
// every second (router.refresh re-renders the server component with fresh rows), and stops once
// all are finished.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export type ExportRow = {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  rowsDone: number;
  rowsTotal: number | null;
  error: string | null;
  createdAt: string;
};

const REFRESH_MS = 1_000;

export function ProjectExports({ exports, downloadBase }: { exports: ExportRow[]; downloadBase: string }) {
  const router = useRouter();
  const waiting = exports.some((row) => row.status === 'queued' || row.status === 'running');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, router]);

  if (exports.length === 0) return null;
  return (
    <ul className="mt-4 space-y-2" data-testid="project-exports">
      {exports.map((row) => (
        <li
          key={row.id}
          className="rounded border border-slate-200 bg-white px-4 py-3 text-sm"
          data-status={row.status}
        >
          <div className="flex items-center justify-between gap-4">
            <span className="text-slate-600">{new Date(row.createdAt).toLocaleString()}</span>
            <ExportStatus row={row} downloadHref={`${downloadBase}/${row.id}`} />
          </div>
          {(row.status === 'queued' || row.status === 'running') && <ExportProgress row={row} />}
        </li>
      ))}
    </ul>
  );
}

function ExportStatus({ row, downloadHref }: { row: ExportRow; downloadHref: string }) {
  if (row.status === 'done') {
    return (
      <Link href={downloadHref} prefetch={false} className="font-medium text-slate-900 underline">
        Download CSV ({row.rowsDone} {row.rowsDone === 1 ? 'task' : 'tasks'})
      </Link>
    );
  }
  if (row.status === 'failed') return <span className="text-red-700">{row.error ?? 'The export failed.'}</span>;
  return <span className="text-slate-500">{row.status === 'queued' ? 'Waiting to start…' : 'Exporting…'}</span>;
}

function ExportProgress({ row }: { row: ExportRow }) {
  const total = row.rowsTotal ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((row.rowsDone / total) * 100)) : 0;
  return (
    <div className="mt-2">
      <div
        className="h-2 overflow-hidden rounded bg-slate-100"
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="h-full bg-slate-900 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {total > 0 ? `${row.rowsDone} of ${total} tasks` : 'Counting tasks…'}
      </p>
    </div>
  );
}

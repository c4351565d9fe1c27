'use client';
// Sends one chosen file as the body of a POST to /api/uploads (streamed by the server, never a
// form post: server actions buffer their bodies), then refreshes the page. The server answers in
// words a person can act on (too large, wrong type, over the plan's storage).
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';

type Status = { state: 'idle' } | { state: 'sending' } | { state: 'ok' | 'error'; message: string };

export function FileUploadForm({
  query,
  label,
  accept,
  testId,
}: {
  /** e.g. purpose=task-attachment&taskId=… */
  query: string;
  label: string;
  accept?: string;
  testId: string;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = new FormData(form).get('file');
    if (!(file instanceof File) || file.size === 0) {
      setStatus({ state: 'error', message: 'Choose a file first.' });
      return;
    }
    setStatus({ state: 'sending' });
    const response = await fetch(`/api/uploads?${query}`, {
      method: 'POST',
      body: file,
      headers: { 'x-file-name': encodeURIComponent(file.name) },
    }).catch(() => null);
    const answer = (await response?.json().catch(() => null)) as { name?: string; error?: string } | null;
    if (!response?.ok) {
      setStatus({ state: 'error', message: answer?.error ?? 'The upload failed. Try again.' });
      return;
    }
    form.reset();
    setStatus({ state: 'ok', message: `Uploaded ${answer?.name ?? file.name}.` });
    router.refresh();
  }

  return (
    <form onSubmit={send} className="flex flex-wrap items-center gap-2" data-testid={testId}>
      <input type="file" name="file" accept={accept} aria-label={label} className="text-sm" />
      <button
        type="submit"
        disabled={status.state === 'sending'}
        className="rounded-md bg-slate-900 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
      >
        {status.state === 'sending' ? 'Uploading…' : 'Upload'}
      </button>
      <p aria-live="polite" className="w-full text-sm" data-testid={`${testId}-result`}>
        {status.state === 'ok' && <span className="text-emerald-700">{status.message}</span>}
        {status.state === 'error' && <span className="text-red-700">{status.message}</span>}
      </p>
    </form>
  );
}

// Workspace settings (admins): the name and the logo. The image is shown through /files/<id>, like any file.
import { FileUploadForm } from '@/components/files/file-upload-form';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { requireMember } from '@/lib/auth/require-member';
import { FILE_PURPOSES } from '@/lib/files/file-purposes';
import { formatBytes } from '@/lib/files/format-bytes';
import { workspaceLogo } from '@/lib/files/workspace-logo';
import { removeLogoAction, renameWorkspaceAction } from './actions';

const LOGO = FILE_PURPOSES.logo;

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { workspace, db } = await requireMember((await params).tenant, {
    path: '/settings/workspace',
    permission: 'workspace.brand',
  });
  const logo = await workspaceLogo(db);
  return (
    <main className="mx-auto max-w-3xl space-y-8 px-6 py-12">
      <h1 className="text-2xl font-bold">Workspace settings for {workspace.name}</h1>
      <section>
        <h2 className="text-lg font-semibold">Name</h2>
        <ActionForm action={renameWorkspaceAction} id="rename-workspace-form" className="mt-4 space-y-4">
          <TextField
            name="name"
            label="Workspace name"
            defaultValue={workspace.name}
            hint="Shown in the header, in emails and to members. The address stays the same."
          />
          <SubmitButton>Rename</SubmitButton>
        </ActionForm>
      </section>
      <section>
        <h2 className="text-lg font-semibold">Logo</h2>
        {logo ? (
          <div className="mt-4 flex items-center gap-4">
            {/* biome-ignore lint/performance/noImgElement: a 60-second signed link, not a static asset for next/image */}
            <img
              src={`/files/${logo.id}`}
              alt={`${workspace.name} logo`}
              className="h-16 w-16 rounded object-contain"
            />
            <ActionForm action={removeLogoAction} id="remove-logo-form">
              <input type="hidden" name="fileId" value={logo.id} />
              <SubmitButton tone="danger">Remove logo</SubmitButton>
            </ActionForm>
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600">No logo yet.</p>
        )}
        <p className="mt-4 text-sm text-slate-600">
          {LOGO.typesInWords}, up to {formatBytes(LOGO.maxBytes)}. A new logo replaces the current one.
        </p>
        <div className="mt-2">
          <FileUploadForm query="purpose=logo" label="Logo image" accept={LOGO.types.join(',')} testId="logo-upload" />
        </div>
      </section>
    </main>
  );
}

// Sign up: an account and its first workspace at once; the new owner lands on <slug>.<root>.
import Link from 'next/link';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { env } from '@/lib/env';
import { signUpAction } from './actions';

export default function SignUpPage() {
  const root = env().ROOT_DOMAIN;
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Create your workspace</h1>
      <ActionForm action={signUpAction} id="sign-up-form" className="mt-8 space-y-4">
        <TextField name="name" label="Your name" autoComplete="name" />
        <TextField name="email" label="Work email" type="email" autoComplete="email" />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
        />
        <TextField name="workspaceName" label="Workspace name" autoComplete="organization" />
        <TextField name="slug" label="Workspace address" hint={`Your workspace will live at <address>.${root}`} />
        <SubmitButton>Create workspace</SubmitButton>
      </ActionForm>
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{' '}
        <Link href="/signin" className="underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}

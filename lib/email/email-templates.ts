// The emails the app sends, as pure functions: subject, a plain-text body (the URL on its own line,
// so any mail client or terminal makes it clickable) and a minimal HTML body with every value escaped.
import { escapeHtml } from './escape-html';

export type EmailContent = { subject: string; text: string; html: string };

/** A role as stored on an invitation (mirrors the Prisma enum without importing the generated client). */
export type InvitedRole = 'owner' | 'admin' | 'member';

/** Paragraphs around one link, in both formats; values are raw here and escaped only for HTML. */
function render(
  subject: string,
  before: string[],
  link: { url: string; label: string },
  after: string[],
): EmailContent {
  const text = [...before, '', link.url, '', ...after].join('\n');
  const paragraphs = (lines: string[]) => lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const html = [
    paragraphs(before),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    // Plain URL too: some clients strip links, and people like to see where one goes.
    `<p style="color:#666;font-size:13px">${escapeHtml(link.url)}</p>`,
    paragraphs(after),
  ].join('\n');
  return { subject, text, html };
}

export function magicLinkEmail({ url, host }: { url: string; host: string }): EmailContent {
  return render(`Sign in to ${host}`, [`Open this link to sign in to ${host}:`], { url, label: `Sign in to ${host}` }, [
    'If you did not ask to sign in, you can ignore this email.',
  ]);
}

export function passwordResetEmail({ url }: { url: string }): EmailContent {
  return render(
    'Reset your password',
    ['Open this link to choose a new password:'],
    { url, label: 'Reset your password' },
    ['If you did not ask for a password reset, you can ignore this email; your password stays the same.'],
  );
}

export function emailVerificationEmail({ url, email }: { url: string; email: string }): EmailContent {
  return render(
    'Confirm your email address',
    [`Open this link to confirm that ${email} is your address. It works once, for 24 hours:`],
    { url, label: 'Confirm my address' },
    [
      'If you did not create an account with this address, do not open the link: someone else may have used your address.',
      'You can ignore this email; the account stays unconfirmed.',
    ],
  );
}

export function invitationEmail({
  url,
  workspaceName,
  inviterName,
  role,
}: {
  url: string;
  workspaceName: string;
  inviterName: string;
  role: InvitedRole;
}): EmailContent {
  const asRole = role === 'member' ? 'a member' : `an ${role}`;
  return render(
    `${inviterName} invited you to ${workspaceName}`,
    [`${inviterName} invited you to join ${workspaceName} as ${asRole}. Open this link to accept:`],
    { url, label: `Join ${workspaceName}` },
    ['If you did not expect this invitation, you can ignore this email.'],
  );
}

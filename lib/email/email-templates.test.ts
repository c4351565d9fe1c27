import { describe, expect, it } from 'vitest';
import { emailVerificationEmail, invitationEmail, magicLinkEmail, passwordResetEmail } from './email-templates';
import { escapeHtml } from './escape-html';

const URL_WITH_QUERY = 'https://myapp.com/api/auth/callback/email?token=abc&email=a%40b.com';

describe('email templates', () => {
  it('escapes a hostile workspace name in the HTML, and keeps it readable in the text', () => {
    const email = invitationEmail({
      url: 'https://myapp.com/invite/t0k3n',
      workspaceName: '<script>alert("x")</script>',
      inviterName: "O'Brien & Co",
      role: 'admin',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.html).toContain('O&#39;Brien &amp; Co');
    expect(email.text).toContain(`O'Brien & Co invited you to join <script>alert("x")</script> as an admin.`);
    expect(email.subject).toBe(`O'Brien & Co invited you to <script>alert("x")</script>`);
  });

  it.each([
    ['magic link', magicLinkEmail({ url: URL_WITH_QUERY, host: 'myapp.com' })],
    ['password reset', passwordResetEmail({ url: URL_WITH_QUERY })],
    ['email verification', emailVerificationEmail({ url: URL_WITH_QUERY, email: 'a@b.com' })],
    ['invitation', invitationEmail({ url: URL_WITH_QUERY, workspaceName: 'Acme', inviterName: 'Ada', role: 'member' })],
  ])('%s: the URL is on its own line in the text, and an escaped link in the HTML', (_name, email) => {
    expect(email.text.split('\n')).toContain(URL_WITH_QUERY);
    expect(email.html).toContain(`<a href="${escapeHtml(URL_WITH_QUERY)}">`);
    expect(email.html).not.toContain('token=abc&email');
    expect(email.subject.length).toBeGreaterThan(0);
  });

  it('names the host in a magic link and the role in an invitation', () => {
    expect(magicLinkEmail({ url: URL_WITH_QUERY, host: 'acme.myapp.com' }).subject).toBe('Sign in to acme.myapp.com');
    const invite = invitationEmail({ url: URL_WITH_QUERY, workspaceName: 'Acme', inviterName: 'Ada', role: 'member' });
    expect(invite.text).toContain('as a member.');
  });

  it('escapeHtml leaves ordinary text alone', () => {
    expect(escapeHtml('Acme Inc. 2024')).toBe('Acme Inc. 2024');
  });
});

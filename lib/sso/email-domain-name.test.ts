import { describe, expect, it } from 'vitest';
import { domainOfEmail, emailDomainName } from './email-domain-name';

describe('emailDomainName', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['  Acme.COM. ', 'acme.com'],
    ['@acme.com', 'acme.com'],
    ['mail.acme.co.uk', 'mail.acme.co.uk'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['localhost', null],
    ['a..b', null],
    ['-acme.com', null],
    ['acme-.com', null],
    ['1.2.3.4', null],
    ['acme.com/path', null],
    ['user@acme.com', null],
    [`${'x'.repeat(64)}.com`, null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(emailDomainName(input)).toBe(expected);
  });
});

describe('domainOfEmail', () => {
  it('takes the part after the last @, in the same form', () => {
    expect(domainOfEmail('Pat@Acme.COM')).toBe('acme.com');
    expect(domainOfEmail('"odd@name"@acme.com')).toBe('acme.com');
    expect(domainOfEmail('no-at-sign')).toBeNull();
    expect(domainOfEmail('@acme.com')).toBeNull();
  });
});

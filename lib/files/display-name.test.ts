import { describe, expect, it } from 'vitest';
import { displayName } from './display-name';

describe('displayName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\plan.docx', 'plan.docx'],
    ['/absolute/path.txt', 'path.txt'],
    ['nul\0byte.png', 'nulbyte.png'],
    ['line\r\nbreak.txt', 'linebreak.txt'],
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "photo‮gnp.exe" as "photoexe.png".
    ['photo\u202egnp.exe', 'photognp.exe'],
    ['zero\u200bwidth\ufeff.pdf', 'zerowidth.pdf'],
    // NFKC: the fullwidth solidus is a slash, and is then cut like one.
    ['..／..／secret.pdf', 'secret.pdf'],
    ['...', 'file'],
    ['', 'file'],
    [null, 'file'],
    ['  .hidden  ', 'hidden'],
    ['café.pdf'.normalize('NFD'), 'café.pdf'.normalize('NFC')],
  ])('%j → %j', (input, expected) => {
    expect(displayName(input)).toBe(expected);
  });

  it('cuts very long names to 200 characters, keeping the extension and whole characters', () => {
    const name = displayName(`${'😀'.repeat(500)}.pdf`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('😀.pdf')).toBe(true);
  });
});

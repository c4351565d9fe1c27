// The workspace slug a user types at sign-up: it becomes <slug>.myapp.com, so it must be a host
// label that classify-host.ts accepts as a tenant, and must not pass for one of the platform's own
// names. Look-alikes of other workspaces are refused by the UNIQUE tenants.slug_skeleton column.
import { z } from 'zod';
import { RESERVED_SUBDOMAINS } from '../hosts/reserved-subdomains';
import { slugSkeleton } from './slug-skeleton';

const MAX_LENGTH = 32;

const RESERVED_BY_SKELETON = new Map([...RESERVED_SUBDOMAINS].map((name) => [slugSkeleton(name), name]));

// Each check aborts so the form shows one message, the first that applies.
export const WorkspaceSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { error: 'Use at least 3 characters.', abort: true })
  .max(MAX_LENGTH, { error: `Use at most ${MAX_LENGTH} characters.`, abort: true })
  .regex(/^[a-z0-9-]+$/, {
    error: 'Use only letters a–z, digits and hyphens: no spaces, accents or other symbols.',
    abort: true,
  })
  .regex(/^[a-z0-9].*[a-z0-9]$/, { error: 'Start and end with a letter or a digit.', abort: true })
  // "--" is how punycode (xn--) and Vercel preview hosts (tenant---branch) are spelled.
  .refine((slug) => !slug.includes('--'), { error: 'Do not put two hyphens in a row.', abort: true })
  // A bare number reads as an id or part of an IP address, not as a name.
  .regex(/[a-z]/, { error: 'Include at least one letter.', abort: true })
  .check((ctx) => {
    const reserved = RESERVED_BY_SKELETON.get(slugSkeleton(ctx.value));
    if (!reserved) return;
    const message =
      reserved === ctx.value
        ? `“${reserved}” is reserved. Choose another name.`
        : `“${ctx.value}” looks too much like “${reserved}”, which is reserved. Choose another name.`;
    ctx.issues.push({ code: 'custom', message, input: ctx.value });
  });

// Letters NFKD leaves whole, spelled the way their speakers write them in ASCII.
const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/**
 * A slug candidate for a workspace name, to pre-fill the sign-up form: "Café Déjà Vu" → cafe-deja-vu.
 * Not necessarily valid (it may be reserved, too short, or empty for a name with no Latin letters).
 */
export function suggestSlug(workspaceName: string): string {
  const ascii = workspaceName
    .toLowerCase() // before NFKD, so the dot of a lower-cased İ is a mark and goes with the rest
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđðþłı]/g, (letter) => SPELLED_OUT[letter] ?? '');
  return ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
}

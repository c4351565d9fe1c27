// The account page's "Security activity": the signed-in person's own account log, newest first, the
// latest 20 lines; nobody else's line ever appears in it.
import { randomUUID } from 'node:crypto';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { authDb } from '@/lib/db/auth-db';
import { SecurityActivity } from './security-activity';

const newUser = () => authDb().user.create({ data: { email: `activity-${randomUUID()}@example.test` } });

describe('security activity', () => {
  it("lists only the person's own events, newest first, at most 20", async () => {
    const [me, other] = [await newUser(), await newUser()];
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));
    await authDb().accountEvent.createMany({
      data: [
        ...Array.from({ length: 21 }, (_, i) => ({
          userId: me.id,
          action: 'passkey.added',
          details: { name: `Key ${i}` },
          createdAt: at(i),
        })),
        { userId: me.id, action: 'two_factor.enrolled', details: { factor: 'totp' }, createdAt: at(30) },
        { userId: other.id, action: 'passkey.added', details: { name: 'Not mine' }, createdAt: at(40) },
      ],
    });
    const html = renderToStaticMarkup(await SecurityActivity({ userId: me.id }));
    const rows = [...html.matchAll(/<li[^>]*data-testid="security-event"[^>]*>(.*?)<\/li>/g)].map(
      (row) => row[1] ?? '',
    );
    expect(rows).toHaveLength(20);
    expect(rows[0]).toContain('Authenticator app turned on');
    expect(rows[1]).toContain('Passkey “Key 20” added');
    expect(rows[19]).toContain('Passkey “Key 2” added');
    expect(html).not.toContain('Not mine');
  });

  it('says so when there is nothing yet', async () => {
    const html = renderToStaticMarkup(await SecurityActivity({ userId: (await newUser()).id }));
    expect(html).toContain('No changes to how you sign in yet.');
  });
});

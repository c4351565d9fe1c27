'use client';
// Every workspace of the person, with its address, and a way to make another: a real menu (Radix:
// arrow keys, Escape, focus returned to the button), since a member of several switches often.
import { DropdownMenu } from 'radix-ui';

export type SwitcherEntry = { slug: string; name: string; host: string; url: string; current: boolean };

export function WorkspaceSwitcher({ entries, createUrl }: { entries: SwitcherEntry[]; createUrl: string }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="rounded-md border border-slate-300 px-3 py-1 text-sm" data-testid="switcher">
        Switch workspace
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-20 w-72 rounded-md border border-slate-200 bg-white p-1 text-sm text-slate-900 shadow-lg"
        >
          {entries.map((entry) => (
            <DropdownMenu.Item key={entry.slug} asChild>
              <a
                href={entry.url}
                aria-current={entry.current ? 'page' : undefined}
                className="block rounded px-3 py-2 outline-none data-[highlighted]:bg-slate-100"
              >
                <span className="font-medium">{entry.name}</span>
                {entry.current && <span className="ml-2 text-xs text-slate-500">(here)</span>}
                <span className="block text-xs text-slate-500">{entry.host}</span>
              </a>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild>
            <a href={createUrl} className="block rounded px-3 py-2 outline-none data-[highlighted]:bg-slate-100">
              Create a workspace
            </a>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

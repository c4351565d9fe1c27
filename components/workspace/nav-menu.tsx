'use client';
// The workspace's links: a row from the md breakpoint up, behind a "Menu" button below it (a
// disclosure: the button says whether the list is open, and a navigation closes it again).
import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useId, useState } from 'react';

export function NavMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const listId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on every navigation is the point
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <button
        type="button"
        className="rounded-md border border-slate-300 px-3 py-1 text-sm md:hidden"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((isOpen) => !isOpen)}
      >
        Menu
      </button>
      <nav
        id={listId}
        aria-label="Workspace"
        className={`${open ? 'flex' : 'hidden'} w-full flex-col gap-3 text-sm md:flex md:w-auto md:flex-row md:gap-4`}
      >
        {children}
      </nav>
    </>
  );
}

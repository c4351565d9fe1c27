'use client';
// System, light or dark. The choice is only known in the browser, so the control shows the
// system setting until it has mounted (rendering the stored choice on the server would mismatch).
import { useTheme } from 'next-themes';
import { useEffect, useState } from 'react';

const CHOICES = [
  ['system', 'System theme'],
  ['light', 'Light'],
  ['dark', 'Dark'],
] as const;

export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <label className="text-sm">
      <span className="sr-only">Theme</span>
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        value={mounted ? (theme ?? 'system') : 'system'}
        onChange={(event) => setTheme(event.target.value)}
        disabled={!mounted}
        data-testid="theme-toggle"
      >
        {CHOICES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

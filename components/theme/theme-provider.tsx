'use client';
// The theme follows the system until the person picks one (kept in localStorage by next-themes,
// applied before the first paint by its inline script, so no flash of the wrong theme).
import { ThemeProvider as NextThemesProvider } from 'next-themes';
import type { ReactNode } from 'react';

export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
    </NextThemesProvider>
  );
}

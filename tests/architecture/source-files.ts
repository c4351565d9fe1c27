// The TypeScript source files under a folder (or one file), without the generated Prisma client:
// what the architecture tests read.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export async function sourceFiles(entry: string): Promise<string[]> {
  const full = path.join(ROOT, entry);
  if (/\.(ts|tsx)$/.test(entry)) return [full];
  const found: string[] = [];
  for (const dirent of await readdir(full, { withFileTypes: true, recursive: true })) {
    const file = path.join(dirent.parentPath, dirent.name);
    if (dirent.isFile() && /\.(ts|tsx)$/.test(dirent.name) && !file.includes(`${path.sep}generated${path.sep}`)) {
      found.push(file);
    }
  }
  return found;
}

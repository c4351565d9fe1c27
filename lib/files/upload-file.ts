// An upload, start to finish, for any caller (the upload route, a job): the type is sniffed from
// the first bytes, the quota reserved before anything is stored, the rest streamed to storage
// through a byte counter, and the row then marked stored with its real size. Whatever fails on the
// way, the reservation and any stored bytes are removed again.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { chunksOf, limitBytes, TooLargeError } from './byte-limit';
import { displayName } from './display-name';
import { FILE_PURPOSES, type FilePurpose } from './file-purposes';
import type { FileStorage } from './file-storage';
import { formatBytes } from './format-bytes';
import { reserveStorage, storageLock } from './reserve-storage';
import { SNIFF_BYTES, sniffContentType } from './sniff-content-type';

export type UploadRequest = {
  purpose: FilePurpose;
  /** For task attachments: a task of this workspace (checked). */
  taskId: string | null;
  /** The client's file name: display only. */
  clientName: string | null;
  /** The Content-Length the client declared, if any: refused at once when over the limit. */
  declaredBytes: number | null;
  body: ReadableStream<Uint8Array>;
};

export type UploadResult =
  | { ok: true; fileId: string; name: string; size: number }
  | { ok: false; status: 400 | 404 | 413 | 415 | 507; error: string };

export async function uploadFile(
  db: TenantDb,
  storage: FileStorage,
  context: { tenantId: string; actor: { id: string; email: string } },
  request: UploadRequest,
): Promise<UploadResult> {
  const { maxBytes, typesInWords } = FILE_PURPOSES[request.purpose];
  const tooLarge = { ok: false, status: 413, error: `Files can be at most ${formatBytes(maxBytes)}.` } as const;
  if (request.declaredBytes !== null && request.declaredBytes > maxBytes) {
    await request.body.cancel().catch(() => {});
    return tooLarge;
  }
  const chunks = limitBytes(chunksOf(request.body), maxBytes)[Symbol.asyncIterator]();
  try {
    const head = await readHead(chunks, SNIFF_BYTES);
    const contentType = await sniffContentType(head, request.purpose);
    if (!contentType) return { ok: false, status: 415, error: `Upload ${typesInWords}.` };

    const name = displayName(request.clientName);
    const reservation = await reserveStorage(db, context.tenantId, {
      purpose: request.purpose,
      taskId: request.taskId,
      name,
      contentType,
      bytes: Math.min(request.declaredBytes ?? maxBytes, maxBytes),
      createdBy: context.actor.id,
    });
    if (!reservation.ok) {
      return { ok: false, status: reservation.reason === 'no-such-task' ? 404 : 507, error: reservation.error };
    }
    // The reservation is the limit: a body longer than its declared length is refused too.
    const limit = Math.min(request.declaredBytes ?? maxBytes, maxBytes);
    const stored = await storeOrRelease(db, storage, reservation, prepend(head, chunks), {
      contentType,
      maxBytes: limit,
    });
    if (!stored.ok) return tooLarge;

    const replaced = await markStored(db, context, reservation.fileId, {
      purpose: request.purpose,
      name,
      size: stored.size,
    });
    // Objects go after their rows are gone: a failure here leaves an orphan object, never a row
    // pointing at nothing.
    await Promise.all(replaced.map((key) => storage.delete(key).catch(() => {})));
    return { ok: true, fileId: reservation.fileId, name, size: stored.size };
  } catch (error) {
    if (error instanceof TooLargeError) return tooLarge;
    throw error;
  } finally {
    await chunks.return?.(undefined);
  }
}

async function storeOrRelease(
  db: TenantDb,
  storage: FileStorage,
  reservation: { fileId: string; key: string },
  body: AsyncIterable<Uint8Array>,
  options: { contentType: string; maxBytes: number },
) {
  const release = async () => {
    await db.storedFile.deleteMany({ where: { id: reservation.fileId } });
    await storage.delete(reservation.key).catch(() => {});
  };
  try {
    const stored = await storage.put(reservation.key, body, options);
    if (!stored.ok) await release();
    return stored;
  } catch (error) {
    await release();
    throw error;
  }
}

/** Marks the upload stored at its real size; a new logo replaces the old. Returns keys to delete. */
async function markStored(
  db: TenantDb,
  context: { tenantId: string; actor: { id: string; email: string } },
  fileId: string,
  file: { purpose: FilePurpose; name: string; size: number },
): Promise<string[]> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${storageLock(context.tenantId)}))`;
    await tx.storedFile.update({ where: { id: fileId }, data: { status: 'stored', size: file.size } });
    let replaced: string[] = [];
    if (file.purpose === 'logo') {
      const old = await tx.storedFile.findMany({
        where: { purpose: 'logo', status: 'stored', id: { not: fileId } },
        select: { key: true },
      });
      await tx.storedFile.deleteMany({ where: { purpose: 'logo', status: 'stored', id: { not: fileId } } });
      replaced = old.map((row) => row.key);
    }
    await recordAuditEvent(tx, {
      actor: context.actor,
      action: file.purpose === 'logo' ? 'workspace.logo_changed' : 'file.attached',
      target: file.name,
      details: { bytes: file.size },
    });
    return replaced;
  });
}

// The first bytes, for sniffing; the iterator then continues after them.
async function readHead(chunks: AsyncIterator<Uint8Array>, size: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  while (length < size) {
    const next = await chunks.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.byteLength;
  }
  return Buffer.concat(parts);
}

async function* prepend(head: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (head.byteLength > 0) yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

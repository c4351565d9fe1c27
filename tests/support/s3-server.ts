// A real S3-compatible server for tests: s3rver on a random port over a temporary directory, with
// one bucket, behind a front that checks presigned URLs' SigV4 signatures. s3rver checks their
// expiry but not their signature, and a test that tampers with a key needs a server that notices.
// The front recomputes each signature with the AWS SDK's own signer and forwards the request.
import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as forward } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';
import S3rver from 's3rver';
import { closeServer, LOOPBACK, listenOnLoopback } from './loopback-server';

// s3rver's one account.
export const S3_ACCESS_KEY_ID = 'S3RVER';
export const S3_SECRET_ACCESS_KEY = 'S3RVER';
export const S3_REGION = 'us-east-1';

export type TestS3Server = {
  endpoint: string;
  bucket: string;
  directory: string;
  /** What an S3 client needs (path-style, s3rver's keys). */
  clientConfig: {
    endpoint: string;
    region: string;
    forcePathStyle: true;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  stop(): Promise<void>;
};

const AUTH_PARAMS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
  // Hoisted from the header below by the signer itself.
  'X-Amz-Content-Sha256',
]);

type Bytes = string | ArrayBuffer | ArrayBufferView;
const asBuffer = (data: Bytes) =>
  typeof data === 'string'
    ? Buffer.from(data)
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

class NodeSha256 {
  private hash;
  constructor(private readonly secret?: Bytes) {
    this.hash = this.create();
  }
  private create() {
    return this.secret ? createHmac('sha256', asBuffer(this.secret)) : createHash('sha256');
  }
  update(data: Bytes): void {
    this.hash.update(asBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.create();
  }
}

async function presignedSignatureHolds(url: URL, method: string, host: string): Promise<boolean> {
  const params = url.searchParams;
  const date = params.get('X-Amz-Date') ?? '';
  const [accessKeyId, , region, service] = (params.get('X-Amz-Credential') ?? '').split('/');
  if (accessKeyId !== S3_ACCESS_KEY_ID || !region || !service) return false;
  const query: Record<string, string> = {};
  for (const [name, value] of params) if (!AUTH_PARAMS.has(name)) query[name] = value;
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: S3_SECRET_ACCESS_KEY },
    region,
    service,
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signingDate = new Date(
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
  );
  const expected = await signer.presign(
    {
      method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query,
      // What the SDK's presigner adds before signing (its payload is never signed).
      headers: { host, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
    },
    { signingDate, expiresIn: Number(params.get('X-Amz-Expires')) },
  );
  return expected.query?.['X-Amz-Signature'] === params.get('X-Amz-Signature');
}

export async function startS3Server(bucket = 'tenantry-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), 'tenantry-s3-'));
  const s3 = new S3rver({ address: LOOPBACK, port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port: s3Port } = await s3.run();

  const front = createServer((req, res) => {
    const host = req.headers.host ?? LOOPBACK;
    const url = new URL(req.url ?? '/', `http://${host}`);
    const check = url.searchParams.has('X-Amz-Signature')
      ? presignedSignatureHolds(url, req.method ?? 'GET', host)
      : Promise.resolve(true);
    check.then(
      (holds) => {
        if (!holds) {
          res
            .writeHead(403, { 'content-type': 'application/xml' })
            .end('<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code></Error>');
          return;
        }
        const upstream = forward(
          { host: LOOPBACK, port: s3Port, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => res.destroy());
        req.pipe(upstream);
      },
      () => res.writeHead(500).end(),
    );
  });
  const port = await listenOnLoopback(front);
  const endpoint = `http://${LOOPBACK}:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    clientConfig: {
      endpoint,
      region: S3_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY },
    },
    async stop() {
      await closeServer(front);
      await s3.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

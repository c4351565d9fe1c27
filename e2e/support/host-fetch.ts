// A fetch for scripts calling the e2e servers by a workspace's host name: the request goes to
// 127.0.0.1 with the Host header the URL names (Node's fetch cannot resolve *.tenantry.test, and
// will not send a Host of our choosing). For openapi-fetch's `fetch` option.
import http from 'node:http';

export function hostFetch(port: number) {
  return async (input: Request): Promise<Response> => {
    const url = new URL(input.url);
    const body = input.body ? Buffer.from(await input.arrayBuffer()) : undefined;
    const headers: Record<string, string> = Object.fromEntries(input.headers);
    headers.host = url.host;
    if (body) headers['content-length'] = String(body.byteLength);
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, path: `${url.pathname}${url.search}`, method: input.method, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const answer = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (typeof value === 'string') answer.set(name, value);
            }
            const status = response.statusCode ?? 0;
            const text = status === 204 ? null : Buffer.concat(chunks);
            resolve(new Response(text, { status, headers: answer }));
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  };
}

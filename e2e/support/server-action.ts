// Server actions are POST endpoints anyone can call. To test that, a test submits a real form once,
// captures the request the browser sent (Next-Action id, multipart body), and replays it as someone
// else: another user's cookies, another Origin, or none.
import http from 'node:http';
import type { BrowserContext, Page, Request } from '@playwright/test';

export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/** Runs `submit` on the page and returns the server action request it caused. */
export async function captureServerAction(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  const [request] = await Promise.all([
    page.waitForRequest(
      (candidate: Request) => candidate.method() === 'POST' && candidate.headers()['next-action'] !== undefined,
    ),
    submit(),
  ]);
  const headers = await request.allHeaders();
  const body = request.postDataBuffer();
  if (!body) throw new Error('the server action request had no body');
  return { url: request.url(), headers, body };
}

/**
 * Sends a captured action again over raw HTTP to this machine (test hosts resolve in Chromium only),
 * with the given cookies, Host and Origin (`origin: null` sends none).
 */
export async function replayServerAction(
  action: CapturedAction,
  options: { cookies: string; origin?: string | null; host?: string; extraHeaders?: Record<string, string> },
): Promise<{ status: number; text: string }> {
  const url = new URL(action.url);
  const headers: Record<string, string> = {
    host: options.host ?? url.host,
    cookie: options.cookies,
    'next-action': action.headers['next-action'] ?? '',
    'content-type': action.headers['content-type'] ?? '',
    'content-length': String(action.body.length),
    accept: 'text/x-component',
    ...options.extraHeaders,
  };
  const origin = options.origin === undefined ? action.headers.origin : options.origin;
  if (origin) headers.origin = origin;
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: url.port, path: url.pathname, method: 'POST', headers },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(action.body);
  });
}

/** The Cookie header a browser context would send to `host`. */
export async function cookieHeaderFor(context: BrowserContext, host: string): Promise<string> {
  const cookies = await context.cookies(`http://${host}/`);
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

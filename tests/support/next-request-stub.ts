// Next's request-scoped APIs outside a request. A test mocks next/headers with this module and sets
// the request it wants before calling server code:
//
//   vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
//   stubRequest({ host: 'acme.localhost', origin: 'http://acme.localhost:3000' }, { 'tenantry.session': token });
const current = { headers: new Headers(), cookies: new Map<string, string>() };

export function stubRequest(headers: Record<string, string>, cookies: Record<string, string> = {}): void {
  current.headers = new Headers(headers);
  current.cookies = new Map(Object.entries(cookies));
}

export async function headers(): Promise<Headers> {
  return current.headers;
}

export async function cookies() {
  return {
    get: (name: string) => {
      const value = current.cookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    set: (name: string, value: string) => {
      current.cookies.set(name, value);
    },
    delete: (name: string) => {
      current.cookies.delete(name);
    },
  };
}

// A real DNS server on 127.0.0.1 (UDP and TCP, random free port) serving a mutable in-memory zone,
// so tests exercise Node's own resolver (c-ares) and the wire format instead of a mock.
import { promises as dns } from 'node:dns';
import type { Socket } from 'node:net';
import dns2 from 'dns2';

const { Packet } = dns2;

export type ServedType = 'A' | 'CNAME' | 'TXT';
/** A TXT value may be given as chunks (character-strings of at most 255 bytes each), as big records are published. */
export type ServedValue = string | readonly string[];
/** 'servfail' answers SERVFAIL; 'silent' never answers, so the client times out. */
export type Misbehaviour = 'servfail' | 'silent';

export type TestDnsServer = {
  port: number;
  /** Adds or replaces every record of this type at this name. */
  set(name: string, type: 'TXT', values: readonly ServedValue[]): void;
  set(name: string, type: 'A' | 'CNAME', values: readonly string[]): void;
  /** Removes the records of this type; the name answers NXDOMAIN once it has none left. */
  delete(name: string, type: ServedType): void;
  /** Makes every query for this name fail (until `delete` of any type or `set`). */
  misbehave(name: string, behaviour: Misbehaviour): void;
  /** A resolver that only asks this server; short timeout so failure tests stay fast. */
  resolver(options?: { timeoutMs?: number; tries?: number }): dns.Resolver;
  close(): Promise<void>;
};

const TYPE_CODE: Record<ServedType, number> = { A: Packet.TYPE.A, CNAME: Packet.TYPE.CNAME, TXT: Packet.TYPE.TXT };
// Within-zone CNAME chasing stops here, as real servers do, so a CNAME loop cannot hang a test.
const MAX_CNAME_HOPS = 8;

type DnsHandler = dns2.DnsHandler;
type Zone = Map<string, Map<number, readonly ServedValue[]>>;
type Resource = dns2.Packet.Resource;

function canonical(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function asText(value: ServedValue): string {
  return typeof value === 'string' ? value : value.join('');
}

function resourceFor(name: string, type: number, value: ServedValue): Resource {
  // TTL 0: c-ares caches answers for their TTL, which would hide zone changes between queries.
  const base = { name, type, class: Packet.CLASS.IN, ttl: 0 };
  if (type === Packet.TYPE.TXT) return new Packet.Resource({ ...base, data: [value].flat() });
  const text = asText(value);
  return new Packet.Resource(type === Packet.TYPE.A ? { ...base, address: text } : { ...base, domain: text });
}

/** Answers like an authoritative server: CNAME at the name (plus what it leads to in this zone), else the records. */
function answer(zone: Zone, questionName: string, type: number): { rcode: number; answers: Resource[] } {
  const answers: Resource[] = [];
  let name = questionName;
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const records = zone.get(canonical(name));
    if (!records) return { rcode: hop === 0 ? Packet.RCODE.NXDOMAIN : Packet.RCODE.NOERROR, answers };
    const exact = records.get(type);
    if (exact)
      return { rcode: Packet.RCODE.NOERROR, answers: [...answers, ...exact.map((v) => resourceFor(name, type, v))] };
    const alias = records.get(Packet.TYPE.CNAME)?.[0];
    if (alias === undefined) return { rcode: Packet.RCODE.NOERROR, answers };
    answers.push(resourceFor(name, Packet.TYPE.CNAME, alias));
    name = asText(alias);
  }
  return { rcode: Packet.RCODE.NOERROR, answers };
}

/** `port`: a fixed port (an app server started earlier was told it); by default any free one. */
export async function startDnsServer(options: { port?: number } = {}): Promise<TestDnsServer> {
  const zone: Zone = new Map();
  const misbehaving = new Map<string, Misbehaviour>();

  const handle: DnsHandler = (request, send) => {
    const response = Packet.createResponseFromRequest(request);
    response.header.aa = 1;
    const [question] = request.questions;
    const behaviour = question && misbehaving.get(canonical(question.name));
    if (behaviour === 'silent') return;
    if (!question) {
      response.header.rcode = Packet.RCODE.FORMERR;
    } else if (behaviour === 'servfail') {
      response.header.rcode = Packet.RCODE.SERVFAIL;
    } else {
      const { rcode, answers } = answer(zone, question.name, question.type);
      response.header.rcode = rcode;
      response.answers = answers;
    }
    // The asker may be gone by now; that is its problem, not a test failure.
    send(response).catch(() => {});
  };

  const { udp, tcp, port } = await listenOnOnePort(handle, options.port ?? 0);
  // net.Server#close waits for open connections; a resolver may keep its TCP connection idle.
  const connections = new Set<Socket>();
  tcp.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  const forget = (name: string) => misbehaving.delete(canonical(name));

  return {
    port,
    set(name: string, type: ServedType, values: readonly ServedValue[]) {
      forget(name);
      const records = zone.get(canonical(name)) ?? new Map<number, readonly ServedValue[]>();
      records.set(TYPE_CODE[type], [...values]);
      zone.set(canonical(name), records);
    },
    delete(name, type) {
      forget(name);
      const records = zone.get(canonical(name));
      records?.delete(TYPE_CODE[type]);
      if (records?.size === 0) zone.delete(canonical(name));
    },
    misbehave(name, behaviour) {
      misbehaving.set(canonical(name), behaviour);
    },
    resolver({ timeoutMs = 300, tries = 1 } = {}) {
      const resolver = new dns.Resolver({ timeout: timeoutMs, tries });
      resolver.setServers([`127.0.0.1:${port}`]);
      return resolver;
    },
    async close() {
      for (const socket of connections) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve, reject) => tcp.close((error) => (error ? reject(error) : resolve()))),
      ]);
    },
  };
}

// UDP takes a free port first; TCP then needs the same number, which another process may hold: retry
// (a fixed port is tried once).
async function listenOnOnePort(handle: DnsHandler, fixedPort: number) {
  for (let attempt = 1; ; attempt++) {
    const udp = dns2.createUDPServer(handle);
    await udp.listen(fixedPort, '127.0.0.1');
    const { port } = udp.address();
    const tcp = dns2.createTCPServer(handle);
    try {
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(port, '127.0.0.1', () => {
          tcp.off('error', reject);
          resolve();
        });
      });
      return { udp, tcp, port };
    } catch (error) {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      if (fixedPort || attempt >= 5) throw error;
    }
  }
}

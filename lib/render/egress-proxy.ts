import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { guardedLookup, resolveAllowed } from './address-policy.js';

/** An HTTP(S) proxy a render tool is pointed at, so every fetch it makes passes the render's URL policy. */
export interface EgressProxy {
  /** `http://127.0.0.1:<port>`, for HTTP_PROXY and HTTPS_PROXY. */
  url: string;
  /** `host:port` of each connection refused, in order. */
  refused: string[];
  close(): Promise<void>;
}

export interface EgressRules {
  /** Lower-case host names (or addresses) a tool may reach: those of the remote references already permitted. */
  hosts: ReadonlySet<string>;
  allowLoopbackUrls: boolean;
}

/** Environment that routes a tool's HTTP(S) through the proxy: Go's net/http and git's libcurl read these. */
export function proxyEnv(proxy: EgressProxy): Record<string, string> {
  return { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, http_proxy: proxy.url, https_proxy: proxy.url, ALL_PROXY: proxy.url, NO_PROXY: '', no_proxy: '' };
}

function splitHostPort(authority: string, defaultPort: number): [string, number] {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(authority) ?? /^([^:]+)(?::(\d+))?$/.exec(authority);
  return m ? [m[1]!.toLowerCase(), m[2] ? Number(m[2]) : defaultPort] : ['', 0];
}

/**
 * Starts a proxy on 127.0.0.1 that lets a connection through only to a permitted host whose addresses are all
 * allowed, checked when the connection is made (so DNS cannot be re-pointed after the policy check). Content a
 * permitted remote base pulls in from elsewhere is refused here, since the render never saw it to check it.
 */
export async function startEgressProxy(rules: EgressRules): Promise<EgressProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const permitted = async (host: string, port: number): Promise<boolean> => {
    const ok = host !== '' && rules.hosts.has(host) && await resolveAllowed(host, rules.allowLoopbackUrls).then(() => true, () => false);
    if (!ok) refused.push(`${host}:${port}`);
    return ok;
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const port = Number(target.port || 80);
    void permitted(target.hostname.replace(/^\[|\]$/g, '').toLowerCase(), port).then((ok) => {
      if (!ok || target.protocol !== 'http:') return void res.writeHead(403).end('refused by the render\'s URL policy\n');
      const upstream = httpRequest({
        host: target.hostname, port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers,
        lookup: guardedLookup(rules.allowLoopbackUrls),
      }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502).end());
      req.pipe(upstream);
    });
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const [host, port] = splitHostPort(req.url ?? '', 443);
    void permitted(host, port).then((ok) => {
      if (!ok) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      const upstream = connect({ host, port, lookup: guardedLookup(rules.allowLoopbackUrls) }, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

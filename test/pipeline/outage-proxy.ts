/**
 * DynamoDB going down and coming back, for tests: an HTTP proxy on the loopback in front of the local
 * DynamoDB server that, during an outage, resets the connection of every request (what a client sees of a
 * server that went away) and forwards them again once the outage has had its count of requests.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Outage {
  /** The request that starts the outage (it fails too), from its X-Amz-Target and body. @default the next request */
  readonly startsAt?: (target: string, body: string) => boolean;
  /** How many requests fail, the first included. */
  readonly requests: number;
}

export class OutageProxy {
  private outage?: Outage & { started: boolean; left: number };
  /** Requests reset so far. */
  failed = 0;

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  static async start(upstream: string): Promise<OutageProxy> {
    const target = new URL(upstream);
    let proxy: OutageProxy | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (proxy!.fails(String(req.headers['x-amz-target'] ?? ''), body.toString())) {
          req.socket.destroy();
          return;
        }
        const forward = request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        forward.on('error', () => res.destroy());
        forward.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    proxy = new OutageProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return proxy;
  }

  /** Schedule an outage. */
  down(outage: Outage): void {
    this.outage = { ...outage, started: false, left: outage.requests };
  }

  private fails(target: string, body: string): boolean {
    const o = this.outage;
    if (!o || o.left <= 0) return false;
    if (!o.started) o.started = !o.startsAt || o.startsAt(target, body);
    if (!o.started) return false;
    o.left--;
    this.failed++;
    return true;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

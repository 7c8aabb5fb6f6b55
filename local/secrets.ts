/**
 * Secrets Manager, locally: AWS has no local implementation of it, so this tiny stand-in answers the one call the
 * handlers make, GetSecretValue (the JSON protocol the SDK speaks), for the secrets it is given. The handlers read
 * through the same Powertools Parameters provider as in AWS, pointed here by VIGIL_SECRETS_ENDPOINT
 * (src/aws/secrets.ts). Values stay in this process's memory.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class LocalSecrets {
  private readonly values = new Map<string, string>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<LocalSecrets> {
    let self: LocalSecrets | undefined;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => self!.answer(String(req.headers['x-amz-target'] ?? ''), body, (status, out) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(out));
      }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new LocalSecrets(server);
    return self;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Put a secret's value (what `aws secretsmanager put-secret-value` does). */
  put(name: string, value: string): void {
    this.values.set(name, value);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(target: string, body: string, send: (status: number, out: unknown) => void): void {
    if (target !== 'secretsmanager.GetSecretValue') return send(400, { __type: 'UnknownOperationException', message: `${target} is not implemented locally` });
    const { SecretId: name } = JSON.parse(body || '{}') as { SecretId?: string };
    const value = name === undefined ? undefined : this.values.get(name);
    if (value === undefined) return send(400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
    send(200, { ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}-local`, Name: name, SecretString: value, VersionId: 'local', VersionStages: ['AWSCURRENT'], CreatedDate: 0 });
  }
}

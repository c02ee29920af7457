/**
 * An adb server on loopback speaking the host protocol the real `adb` client uses (4-hex-digit
 * length-prefixed requests, OKAY/FAIL replies): host:version, host:devices(-l), host:features,
 * host-serial:<s>:features|get-state, host:transport(-any), host:tport:serial|any, host:kill,
 * then shell:<cmd> (v1: raw output, then close) and exec:<cmd> (binary-safe). It advertises no
 * features, so the client uses shell v1 and never needs sync:. Devices are EmulatedPhones.
 */
import net from 'node:net';
import { StepwiseError } from '../../core/errors.js';
import type { EmulatedPhone } from './phone.js';

/** The protocol version Debian's adb 1.0.41 expects; a mismatch makes it restart the server. */
export const ADB_SERVER_VERSION = 41;

export class EmulatedAdbServer {
  private server: net.Server | null = null;
  private readonly phones = new Map<string, EmulatedPhone>();
  private readonly sockets = new Map<net.Socket, string | null>();
  private nextTransport = 1n;
  /** Every host request received, for tests. */
  readonly requests: string[] = [];
  port = 0;
  /** Called after the server stopped (host:kill or close()). */
  onClose: (() => void) | null = null;

  add(phone: EmulatedPhone): void { this.phones.set(phone.serial, phone); }

  /** The device disappears: open connections to it close and it leaves host:devices. */
  vanish(serial: string): void {
    this.phones.delete(serial);
    for (const [s, owner] of this.sockets) if (owner === serial) s.destroy();
  }

  get serials(): string[] { return [...this.phones.keys()]; }

  async listen(port = 0): Promise<number> {
    const server = net.createServer((s) => this.accept(s));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e) => reject(new StepwiseError('device_error', `emulated adb server cannot listen on 127.0.0.1:${port}: ${e.message}`, 'pick another port or pass 0 for a free one')));
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets.keys()) s.destroy();
    const srv = this.server;
    this.server = null;
    if (srv) await new Promise<void>((r) => srv.close(() => r()));
    if (srv) this.onClose?.();
  }

  private accept(s: net.Socket): void {
    this.sockets.set(s, null);
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => {});
    let buf = Buffer.alloc(0);
    let busy = false;
    const pump = async () => {
      if (busy) return;
      busy = true;
      try {
        while (buf.length >= 4 && !s.destroyed) {
          const n = parseInt(buf.subarray(0, 4).toString('latin1'), 16);
          if (!Number.isFinite(n)) { s.destroy(); return; }
          if (buf.length < 4 + n) break;
          const req = buf.subarray(4, 4 + n).toString('utf8');
          buf = buf.subarray(4 + n);
          this.requests.push(req);
          const keepOpen = await this.handle(s, req);
          if (!keepOpen) return;
        }
      } finally {
        busy = false;
      }
    };
    s.on('data', (d) => { buf = Buffer.concat([buf, d]); void pump(); });
  }

  private okay(s: net.Socket, payload?: string | Buffer): void {
    if (payload === undefined) { s.write('OKAY'); return; }
    const b = typeof payload === 'string' ? Buffer.from(payload) : payload;
    s.write(`OKAY${b.length.toString(16).padStart(4, '0')}`);
    s.write(b);
  }

  private failReply(s: net.Socket, msg: string): false {
    const b = Buffer.from(msg);
    s.end(Buffer.concat([Buffer.from(`FAIL${b.length.toString(16).padStart(4, '0')}`), b]));
    return false;
  }

  private pick(serial: string | null): EmulatedPhone | string {
    if (serial === null) {
      const all = [...this.phones.values()];
      if (all.length === 0) return 'no devices/emulators found';
      if (all.length > 1) return 'more than one device/emulator';
      return all[0];
    }
    return this.phones.get(serial) ?? `device '${serial}' not found`;
  }

  private listDevices(long: boolean): string {
    return [...this.phones.values()]
      .map((p, i) => long
        ? `${p.serial.padEnd(22)} device product:stepwise_sandbox model:${(p.opts.model ?? 'Stepwise_Emulated_Phone').replace(/\s+/g, '_')} device:sandbox transport_id:${i + 1}\n`
        : `${p.serial}\tdevice\n`)
      .join('');
  }

  /** Handles one request; true when the socket stays open for another request. */
  private async handle(s: net.Socket, req: string): Promise<boolean> {
    const bound = this.sockets.get(s) ?? null;
    if (req === 'host:version') { this.okay(s, ADB_SERVER_VERSION.toString(16).padStart(4, '0')); s.end(); return false; }
    if (req === 'host:devices' || req === 'host:devices-l') { this.okay(s, this.listDevices(req.endsWith('-l'))); s.end(); return false; }
    if (req === 'host:kill') { this.okay(s); s.end(); void this.close(); return false; }
    const serialReq = /^host-serial:(.+):(features|get-state|get-serialno)$/.exec(req);
    if (req === 'host:features' || serialReq) {
      const p = this.pick(serialReq ? serialReq[1] : null);
      if (typeof p === 'string') return this.failReply(s, p);
      const what = serialReq?.[2] ?? 'features';
      this.okay(s, what === 'features' ? '' : what === 'get-state' ? 'device' : p.serial);
      s.end();
      return false;
    }
    const transport = /^host:(transport|tport):(?:serial:)?(.+)$/.exec(req) ?? (/^host:(transport|tport)-?(any)$/.exec(req) as RegExpExecArray | null);
    if (transport) {
      const any = transport[2] === 'any' || req === 'host:transport-any';
      const p = this.pick(any ? null : transport[2]);
      if (typeof p === 'string') return this.failReply(s, p);
      this.sockets.set(s, p.serial);
      s.write('OKAY');
      if (transport[1] === 'tport') {
        const id = Buffer.alloc(8);
        id.writeBigUInt64LE(this.nextTransport++);
        s.write(id);
      }
      return true;
    }
    const svc = /^(shell|exec):([\s\S]*)$/.exec(req);
    if (svc) {
      if (bound === null) return this.failReply(s, 'no transport selected: send host:transport:<serial> first');
      const phone = this.phones.get(bound);
      if (!phone) return this.failReply(s, `device '${bound}' not found`);
      s.write('OKAY');
      try {
        const r = await phone.shell(svc[2]);
        if (!s.destroyed && this.phones.has(bound)) s.end(r.out);
      } catch (e) {
        if (!s.destroyed) s.end(`error: ${(e as Error).message}\n`);
      }
      return false;
    }
    return this.failReply(s, `unknown host service: ${req}`);
  }
}

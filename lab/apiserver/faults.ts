// Faults a test injects into one cluster's API (never through the Kubernetes API itself): refuse connections,
// hang (accept, never answer), 401 every request, or add latency to every response.
import type { ServerResponse } from "node:http";
import type { Server, Socket } from "node:net";
import { sendError } from "./http-util";
import { unauthorized } from "./status";

export interface ApiFault {
  mode: "none" | "refuse" | "hang" | "unauthorized";
  latencyMs?: number;
}

/** A listening server of a cluster's API (plain HTTP, or the dual HTTP/HTTPS listener) and the port it re-listens on. */
export interface Listener {
  server: Server;
  port: number;
}

export class FaultController {
  private fault: ApiFault = { mode: "none" };
  private readonly sockets = new Set<Socket>();
  private listening = true;

  constructor(private readonly listeners: Listener[], private readonly host: string) {
    for (const { server } of listeners) {
      server.on("connection", (socket: Socket) => {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
      });
    }
  }

  get current(): ApiFault {
    return this.fault;
  }

  /**
   * Applies a fault before a request is handled. Returns false when the request must not be answered
   * (hang / unauthorized already answered); otherwise waits out the latency.
   */
  async admit(res: ServerResponse): Promise<boolean> {
    const { latencyMs } = this.fault;
    if (latencyMs && latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (this.fault.mode === "hang") {
      this.remember(res);
      return false;
    }
    if (this.fault.mode === "unauthorized") {
      sendError(res, unauthorized());
      return false;
    }
    return true;
  }

  async set(fault: ApiFault): Promise<void> {
    this.fault = { ...fault };
    if (fault.mode === "refuse" && this.listening) {
      this.listening = false;
      const closed = Promise.all(this.listeners.map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))));
      this.destroySockets();
      await closed;
    } else if (fault.mode !== "refuse" && !this.listening) {
      await Promise.all(this.listeners.map(({ server, port }) => new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, this.host, () => {
          server.off("error", reject);
          resolve();
        });
      })));
      this.listening = true;
    }
    // Connections already hanging stay hung until the fault is lifted; then they are cut so clients retry.
    if (fault.mode !== "hang") this.destroyIdleHung();
  }

  private hung = new Set<ServerResponse>();

  remember(res: ServerResponse): void {
    this.hung.add(res);
    res.on("close", () => this.hung.delete(res));
  }

  private destroyIdleHung(): void {
    for (const res of this.hung) res.socket?.destroy();
    this.hung.clear();
  }

  destroySockets(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  get isListening(): boolean {
    return this.listening;
  }
}

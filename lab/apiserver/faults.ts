// Faults a test injects into one cluster's API (never through the Kubernetes API itself): refuse connections,
// hang (accept, never answer), 401 every request, or add latency to every response.
import type { Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { sendError } from "./http-util";
import { unauthorized } from "./status";

export interface ApiFault {
  mode: "none" | "refuse" | "hang" | "unauthorized";
  latencyMs?: number;
}

export class FaultController {
  private fault: ApiFault = { mode: "none" };
  private readonly sockets = new Set<Socket>();
  private listening = true;

  constructor(private readonly server: Server, private readonly host: string, private readonly port: () => number) {
    server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
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
    const port = this.port();
    this.fault = { ...fault };
    if (fault.mode === "refuse" && this.listening) {
      this.listening = false;
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.destroySockets();
      await closed;
    } else if (fault.mode !== "refuse" && !this.listening) {
      await new Promise<void>((resolve, reject) => {
        this.server.once("error", reject);
        this.server.listen(port, this.host, () => {
          this.server.off("error", reject);
          resolve();
        });
      });
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

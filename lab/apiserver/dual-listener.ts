// One port, two protocols, as a kube-apiserver's secure port answers kubectl while the lab's own tools keep
// speaking plain HTTP to the same address: the first byte of a connection decides. 0x16 is a TLS handshake
// record (a ClientHello); anything else is an HTTP/1.1 request line. kubectl (clientcmd) sends a kubeconfig user's
// credentials only to an https:// server, so the kubeconfigs name https://<host>:<port> while the lab's printed
// URLs stay http://<host>:<port>, with the same host and port in both.
import type { Server as HttpServer } from "node:http";
import type { Server as HttpsServer } from "node:https";
import { createServer, type Server, type Socket } from "node:net";
import { Duplex } from "node:stream";

const TLS_HANDSHAKE = 0x16;

export function dualListener(plain: HttpServer, secure: HttpsServer): Server {
  return createServer({ pauseOnConnect: true }, (socket: Socket) => {
    socket.once("readable", () => {
      const first = socket.read(1) as Buffer | null;
      if (first === null) {
        // Closed before sending anything.
        socket.destroy();
        return;
      }
      socket.unshift(first);
      if (first[0] === TLS_HANDSHAKE) {
        // A TLSSocket over a net.Socket reads its native handle directly and would miss the byte read above; over
        // a plain duplex it reads through the stream, unshifted byte included.
        const stream = Duplex.from({ readable: socket, writable: socket });
        socket.once("close", () => stream.destroy());
        secure.emit("connection", stream);
      } else {
        plain.emit("connection", socket);
      }
    });
  });
}

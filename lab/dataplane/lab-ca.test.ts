import { X509Certificate } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import * as tls from "node:tls";
import { afterEach, describe, expect, it } from "vitest";
import { createLabCa } from "./lab-ca";
import type { LabCa } from "./types";

const servers: tls.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** An mTLS server that requires a client certificate from `trust` and reports the peer it verified. */
async function mtlsServer(ca: LabCa, trust: string): Promise<{ port: number; peers: string[] }> {
  const { certPem, keyPem } = await ca.issue("gateway", { dns: ["gateway.local"], ip: ["127.0.0.1"] });
  const peers: string[] = [];
  const server = tls.createServer({ cert: certPem, key: keyPem, ca: trust, requestCert: true, rejectUnauthorized: true }, (socket) => {
    peers.push(String(socket.getPeerCertificate().subject.CN));
    socket.end("hello");
  });
  server.on("tlsClientError", () => undefined);
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { port: (server.address() as AddressInfo).port, peers };
}

/** Connects with `client` credentials verifying the server against `trust`: the data read, or the error. */
async function connect(port: number, client: { certPem: string; keyPem: string } | undefined, trust: string, servername = "gateway.local"): Promise<string> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: "127.0.0.1", port, servername, ca: trust, cert: client?.certPem, key: client?.keyPem });
    let data = "";
    socket.on("data", (chunk: Buffer) => (data += chunk.toString()));
    socket.on("end", () => resolve(`data:${data}`));
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(`error:${error.code ?? error.message}`));
  });
}

describe("createLabCa", () => {
  it("makes a self-signed CA certificate", async () => {
    const ca = await createLabCa();
    const cert = new X509Certificate(ca.caPem);
    expect(cert.ca).toBe(true);
    expect(cert.checkIssued(cert)).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
  });

  it("issues certificates with the SANs, usages and a PKCS#8 key", async () => {
    const ca = await createLabCa();
    const issued = await ca.issue("details", { dns: ["details.bookinfo.svc.cluster.local"], uri: ["spiffe://cluster.local/ns/bookinfo/sa/bookinfo-details"], ip: ["127.9.0.1"] });
    const cert = new X509Certificate(issued.certPem);
    expect(cert.ca).toBe(false);
    expect(cert.subject).toBe("CN=details");
    expect(cert.checkIssued(new X509Certificate(ca.caPem))).toBe(true);
    expect(cert.verify(new X509Certificate(ca.caPem).publicKey)).toBe(true);
    expect(cert.subjectAltName).toContain("DNS:details.bookinfo.svc.cluster.local");
    expect(cert.subjectAltName).toContain("URI:spiffe://cluster.local/ns/bookinfo/sa/bookinfo-details");
    expect(cert.subjectAltName).toContain("IP Address:127.9.0.1");
    expect(cert.keyUsage).toEqual(expect.arrayContaining(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]));
    expect(issued.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(cert.checkPrivateKey((await import("node:crypto")).createPrivateKey(issued.keyPem))).toBe(true);
  });

  it("issues distinct serial numbers and keys", async () => {
    const ca = await createLabCa();
    const a = await ca.issue("a", {});
    const b = await ca.issue("a", {});
    expect(new X509Certificate(a.certPem).serialNumber).not.toBe(new X509Certificate(b.certPem).serialNumber);
    expect(a.keyPem).not.toBe(b.keyPem);
  });

  it("completes an mTLS handshake between a server and a client it issued", async () => {
    const ca = await createLabCa();
    const { port, peers } = await mtlsServer(ca, ca.caPem);
    const client = await ca.issue("sidecar", { uri: ["spiffe://cluster.local/ns/sleep/sa/sleep"] });
    expect(await connect(port, client, ca.caPem)).toBe("data:hello");
    expect(peers).toEqual(["sidecar"]);
  });

  it("a server refuses a client certificate from another CA, and a client without one", async () => {
    const [ca, other] = await Promise.all([createLabCa(), createLabCa("other-root")]);
    const { port, peers } = await mtlsServer(ca, ca.caPem);
    const stranger = await other.issue("sidecar", {});
    // With TLS 1.3 the client's side of the handshake is done before the server checks its certificate: the server's
    // alert then shows as an error or as a close without data, never as the server's answer.
    expect(await connect(port, stranger, ca.caPem)).toMatch(/^error:|^data:$/);
    expect(await connect(port, undefined, ca.caPem)).toMatch(/^error:|^data:$/);
    expect(peers).toEqual([]);
  });

  it("a client refuses a server certificate from another CA or for another name", async () => {
    const [ca, other] = await Promise.all([createLabCa(), createLabCa("other-root")]);
    const { port } = await mtlsServer(ca, ca.caPem);
    const client = await ca.issue("sidecar", {});
    // OpenSSL sends the CA along with the leaf when it has it (the server's `ca`), hence "self-signed in chain".
    expect(await connect(port, client, other.caPem)).toMatch(/^error:(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/);
    expect(await connect(port, client, ca.caPem, "elsewhere.local")).toBe("error:ERR_TLS_CERT_ALTNAME_INVALID");
  });
});

// The lab CA: one root for every cluster of a lab (one mesh, one root, as Istio multi-primary with a shared root),
// made at start-up with @peculiar/x509 over node's WebCrypto. It issues the east-west gateways' serving
// certificates and the sidecars' client certificates, so mTLS between them is verified for real by node:tls.
// ECDSA P-256 keeps start-up fast (a key pair takes well under a millisecond; RSA 2048 takes tens).
import "reflect-metadata"; // @peculiar/x509 resolves its ASN.1 serializers through tsyringe, which needs it first
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import type { LabCa } from "./types";

const KEY_ALGORITHM: EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };
const SIGNING_ALGORITHM: EcdsaParams = { name: "ECDSA", hash: "SHA-256" };
// Certificates are valid from an hour ago (a client whose clock lags still accepts them) for a year: a lab lives
// for hours, and nothing here rotates.
const BACKDATE_MS = 60 * 60 * 1000;
const VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

/** A positive random serial (RFC 5280 §4.1.2.2: positive, at most 20 octets): 16 random bytes, top bit clear. */
function serialNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return Buffer.from(bytes).toString("hex");
}

function validity(): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  return { notBefore: new Date(now - BACKDATE_MS), notAfter: new Date(now + VALIDITY_MS) };
}

/** A subject of just a common name; the JSON form needs no escaping of commas or equals signs in the name. */
function subject(commonName: string): x509.JsonName {
  return [{ CN: [commonName] }];
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(KEY_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await crypto.subtle.exportKey("pkcs8", key), "PRIVATE KEY");
}

function subjectAltNames(sans: { dns?: string[]; uri?: string[]; ip?: string[] }): x509.JsonGeneralName[] {
  return [
    ...(sans.dns ?? []).map((value) => ({ type: "dns" as const, value })),
    ...(sans.uri ?? []).map((value) => ({ type: "url" as const, value })),
    ...(sans.ip ?? []).map((value) => ({ type: "ip" as const, value })),
  ];
}

/** Makes the lab's root CA (self-signed, basicConstraints CA:true, keyCertSign + cRLSign) and its issuer. */
export async function createLabCa(name = "eastwest-lab-root"): Promise<LabCa> {
  const caKeys = await generateKeys();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: subject(name),
    ...validity(),
    signingAlgorithm: SIGNING_ALGORITHM,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const authorityKeyId = await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey);

  return {
    caPem: caCert.toString("pem"),
    async issue(commonName, sans) {
      const keys = await generateKeys();
      const altNames = subjectAltNames(sans);
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serialNumber(),
        subject: subject(commonName),
        issuer: caCert.subject,
        ...validity(),
        signingAlgorithm: SIGNING_ALGORITHM,
        publicKey: keys.publicKey,
        signingKey: caKeys.privateKey,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          // Both ends of mTLS use these: a gateway serves with it, a sidecar presents it as a client. ECDHE key
          // exchange signs with the key, so digitalSignature is the only key usage (no keyEncipherment, an RSA use).
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
          ...(altNames.length > 0 ? [new x509.SubjectAlternativeNameExtension(altNames)] : []),
          await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
          authorityKeyId,
        ],
      });
      return { certPem: cert.toString("pem"), keyPem: await privateKeyPem(keys.privateKey) };
    },
  };
}

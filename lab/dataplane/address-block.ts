// Claims a /16 of loopback for one running lab (address-plan.ts says what goes where inside it). The claim is a
// listening socket on 127.<block>.255.254:CLAIM_PORT held for the lab's lifetime: binding is atomic across
// processes, so two labs (two e2e projects, parallel test files, a demo beside a test run) never share a block,
// and a crashed lab's claim goes with its process. The first block tried comes from `seed` (say, the kubeconfig's
// path), so a lab restarted with the same kubeconfig usually gets the same addresses again.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:net";
import { createAddressPlan, type AddressPlan } from "./address-plan";

export const CLAIM_PORT = 15399;

export interface AddressBlock extends AddressPlan {
  release(): Promise<void>;
}

function listen(host: string): Promise<Server | undefined> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolve(undefined) : reject(error)));
    server.listen({ host, port: CLAIM_PORT, exclusive: true }, () => resolve(server));
  });
}

export async function claimAddressBlock(seed: string, clusters: number): Promise<AddressBlock> {
  const first = (createHash("sha256").update(seed).digest().readUInt16BE(0) % 254) + 1;
  for (let k = 0; k < 254; k++) {
    const block = ((first - 1 + k) % 254) + 1;
    const server = await listen(`127.${block}.255.254`);
    if (!server) continue;
    server.unref();
    const plan = createAddressPlan(block, clusters);
    return { ...plan, release: () => new Promise<void>((done) => server.close(() => done())) };
  }
  throw new Error("lab: every loopback address block 127.1-254.0.0/16 is claimed by another running lab");
}

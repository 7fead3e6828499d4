// The address of the computer at the other end of the connection, which Next.js does not give
// to pages and actions. Next.js fills X-Forwarded-For from the connection only when the client
// sent none, so a client could otherwise name any address it likes. Every request gets this
// header from the socket itself, overwriting whatever the client sent under the same name.
import http from "node:http";

export const PEER_ADDRESS_HEADER = "x-radiant-peer-address";

const patched = Symbol.for("radiant.peerAddressHeader");

/** Stamps every incoming HTTP request of this process with its connection's address. */
export function installPeerAddressHeader(): void {
  const prototype = http.Server.prototype as http.Server & { [patched]?: boolean };
  if (prototype[patched]) return;
  prototype[patched] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const address = request.socket?.remoteAddress;
      if (address) request.headers[PEER_ADDRESS_HEADER] = address;
      else delete request.headers[PEER_ADDRESS_HEADER];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

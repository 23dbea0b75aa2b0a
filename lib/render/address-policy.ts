import { lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses a render never fetches from: link-local (where cloud metadata services live) and the metadata services. */
const neverList = new BlockList();
neverList.addSubnet('169.254.0.0', 16, 'ipv4');
neverList.addSubnet('fe80::', 10, 'ipv6');
neverList.addAddress('fd00:ec2::254', 'ipv6'); // EC2 instance metadata over IPv6
neverList.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
neverList.addSubnet('0.0.0.0', 8, 'ipv4');
neverList.addAddress('::', 'ipv6');

const loopbackList = new BlockList();
loopbackList.addSubnet('127.0.0.0', 8, 'ipv4');
loopbackList.addAddress('::1', 'ipv6');

/** `::ffff:169.254.169.254` is 169.254.169.254. */
function unmapped(address: string): [string, 'ipv4' | 'ipv6'] {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return [mapped[1]!, 'ipv4'];
  return [address, isIP(address) === 6 ? 'ipv6' : 'ipv4'];
}

/** Why a render may not connect to `address` (an IP), or undefined when it may. */
export function blockedAddressReason(address: string, allowLoopback: boolean): string | undefined {
  const [ip, family] = unmapped(address);
  if (isIP(ip) === 0) return 'not an IP address';
  if (neverList.check(ip, family)) return 'a link-local, unspecified or cloud metadata address';
  if (!allowLoopback && loopbackList.check(ip, family)) return 'a loopback address (allowed only with allowLoopbackUrls)';
  return undefined;
}

export class BlockedAddress extends Error {
  override name = 'BlockedAddress';
}

/** All addresses of `host` (itself when it is an IP), or why none may be used. */
export function resolveAllowed(host: string, allowLoopback: boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const check = (addresses: string[]) => {
      for (const address of addresses) {
        const reason = blockedAddressReason(address, allowLoopback);
        if (reason) return reject(new BlockedAddress(`${host} resolves to ${address}, ${reason}`));
      }
      resolve(addresses);
    };
    if (isIP(host)) return check([host]);
    lookup(host, { all: true }, (error, found) => {
      if (error) return reject(new BlockedAddress(`${host} cannot be resolved (${error.code ?? error.message})`));
      check(found.map((f) => f.address));
    });
  });
}

/**
 * A `lookup` for sockets that refuses blocked addresses at connect time, so a name that resolved to a public address
 * when checked cannot be re-pointed at the metadata service before the connection is made.
 */
export function guardedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowed(hostname, allowLoopback).then((addresses) => {
      const entries = addresses.map((address) => ({ address, family: isIP(address) }));
      if (options.all) (callback as unknown as (e: null, a: typeof entries) => void)(null, entries);
      else callback(null, entries[0]!.address, entries[0]!.family);
    }, (error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

import ipaddr from "ipaddr.js";

/** A parsed IPv4 CIDR block. */
export type Cidr = { address: string; prefix: number; first: number; last: number };

const toNumber = (address: ipaddr.IPv4) => address.toByteArray().reduce((n, byte) => n * 256 + byte, 0);

/** Why a CIDR is refused, or null when it is a valid, canonical IPv4 block. */
export function cidrProblem(value: string): string | null {
  const text = value.trim();
  if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(text)) return `"${text}" is not a CIDR block such as 10.0.0.0/16`;
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    const prefix = Number(text.split("/")[1]);
    return prefix > 32 ? `prefix /${prefix} is larger than /32` : `"${text}" has an octet above 255`;
  }
  const [address, prefix] = parsed;
  if (address.kind() !== "ipv4") return `"${text}" is not IPv4`;
  const network = ipaddr.IPv4.networkAddressFromCIDR(text).toString();
  if (network !== address.toString()) {
    return `"${text}" is not canonical: the block starts at ${network}/${prefix}`;
  }
  return null;
}

/** Parses a canonical IPv4 CIDR block (throws with the reason otherwise). */
export function parseCidr(value: string): Cidr {
  const problem = cidrProblem(value);
  if (problem) throw new Error(problem);
  const [address, prefix] = ipaddr.parseCIDR(value.trim()) as [ipaddr.IPv4, number];
  const first = toNumber(address);
  const size = 2 ** (32 - prefix);
  return { address: address.toString(), prefix, first, last: first + size - 1 };
}

/** Tells whether two CIDR blocks share any address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Why an IPv4 address is refused, or null when it is valid. */
export function ipv4Problem(value: string): string | null {
  const text = value.trim();
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? null : `"${text}" is not an IPv4 address such as 203.0.113.10`;
}

/** Why a DNS host name is refused, or null when it is valid. */
export function hostnameProblem(value: string): string | null {
  const text = value.trim().replace(/\.$/, "");
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
  if (
    text.length > 253 ||
    text.split(".").length < 2 ||
    !text.split(".").every((part) => label.test(part.replace(/^\*$/, "x")))
  ) {
    return `"${text}" is not a DNS name such as api.example.com`;
  }
  return null;
}

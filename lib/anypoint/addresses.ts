import { isIP } from "node:net";

/** What an IP address is, as far as the portal's outbound calls care. */
export type AddressClass =
  "public" | "unspecified" | "loopback" | "private" | "carrier-grade NAT" | "link-local" | "multicast" | "reserved";

type Range = readonly [base: bigint, prefix: number, kind: Exclude<AddressClass, "public">];

const v4 = (text: string): bigint => text.split(".").reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);

// Ranges no Anypoint control plane lives in (RFC 6890 special-purpose registry, the parts an attacker aims at).
const ipv4Ranges: readonly Range[] = [
  [v4("0.0.0.0"), 8, "unspecified"],
  [v4("10.0.0.0"), 8, "private"],
  [v4("100.64.0.0"), 10, "carrier-grade NAT"],
  [v4("127.0.0.0"), 8, "loopback"],
  // Includes the cloud metadata services (169.254.169.254).
  [v4("169.254.0.0"), 16, "link-local"],
  [v4("172.16.0.0"), 12, "private"],
  [v4("192.0.0.0"), 24, "reserved"],
  [v4("192.0.2.0"), 24, "reserved"],
  [v4("192.168.0.0"), 16, "private"],
  [v4("198.18.0.0"), 15, "reserved"],
  [v4("198.51.100.0"), 24, "reserved"],
  [v4("203.0.113.0"), 24, "reserved"],
  [v4("224.0.0.0"), 4, "multicast"],
  // 240/4 and the broadcast address.
  [v4("240.0.0.0"), 4, "reserved"],
];

/** An IPv6 address (any notation, with or without a zone or embedded IPv4 tail) as a 128-bit number. */
function parseIpv6(text: string): bigint {
  let address = text.replace(/%.*$/, "").toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (tail) {
    const n = v4(tail[1]!);
    address = address.slice(0, -tail[1]!.length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, rest] = address.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((n, group) => (n << 16n) | BigInt(parseInt(group, 16)), 0n);
}

const v6 = (text: string) => parseIpv6(text);

const ipv6Ranges: readonly Range[] = [
  [v6("::"), 128, "unspecified"],
  [v6("::1"), 128, "loopback"],
  [v6("100::"), 64, "reserved"],
  [v6("2001:db8::"), 32, "reserved"],
  // Unique local addresses, the IPv6 private range (AWS's metadata service answers on fd00:ec2::254).
  [v6("fc00::"), 7, "private"],
  [v6("fe80::"), 10, "link-local"],
  // Site-local: deprecated, still private where it is used.
  [v6("fec0::"), 10, "private"],
  [v6("ff00::"), 8, "multicast"],
];

const inRange = (value: bigint, bits: number, [base, prefix]: Range) =>
  value >> BigInt(bits - prefix) === base >> BigInt(bits - prefix);

function classifyIpv4(value: bigint): AddressClass {
  return ipv4Ranges.find((range) => inRange(value, 32, range))?.[2] ?? "public";
}

/**
 * Where an IPv6 address carries an IPv4 one that the network would reach: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
 */
function embeddedIpv4(value: bigint): bigint | null {
  const high96 = value >> 32n;
  if (high96 === 0xffffn || high96 === 0n || high96 === v6("64:ff9b::") >> 32n) return value & 0xffffffffn;
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn;
  return null;
}

/** Classifies an IP address (IPv4, or IPv6 including mapped and embedded IPv4); null when it is not one. */
export function classifyAddress(address: string): AddressClass | null {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  const version = isIP(bare.replace(/%.*$/, ""));
  if (version === 4) return classifyIpv4(v4(bare));
  if (version !== 6) return null;
  const value = parseIpv6(bare);
  const special = ipv6Ranges.find((range) => inRange(value, 128, range))?.[2];
  if (special) return special;
  const embedded = embeddedIpv4(value);
  return embedded === null ? "public" : classifyIpv4(embedded);
}

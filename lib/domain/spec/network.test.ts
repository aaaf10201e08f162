import { describe, expect, it } from "vitest";
import { cidrProblem, cidrsOverlap, hostnameProblem, ipv4Problem, parseCidr } from "@/lib/domain/spec/network";

describe("cidrProblem", () => {
  it.each(["10.0.0.0/16", "192.168.10.0/24", "0.0.0.0/0", "172.16.0.0/12", "10.1.2.3/32"])("accepts %s", (cidr) => {
    expect(cidrProblem(cidr)).toBeNull();
  });

  it.each([
    ["10.0.0.0/33", "prefix /33 is larger than /32"],
    ["10.0.0.1/16", '"10.0.0.1/16" is not canonical: the block starts at 10.0.0.0/16'],
    ["10.0.300.0/24", '"10.0.300.0/24" has an octet above 255'],
    ["10.0.0.0", '"10.0.0.0" is not a CIDR block such as 10.0.0.0/16'],
    ["banana", '"banana" is not a CIDR block such as 10.0.0.0/16'],
    ["10.0.0.0/", '"10.0.0.0/" is not a CIDR block such as 10.0.0.0/16'],
  ])("refuses %s: %s", (cidr, reason) => {
    expect(cidrProblem(cidr)).toBe(reason);
  });
});

describe("parseCidr and cidrsOverlap", () => {
  it("computes the first and last address", () => {
    expect(parseCidr("10.0.0.0/30")).toMatchObject({ prefix: 30, last: parseCidr("10.0.0.0/30").first + 3 });
  });

  it("finds overlaps and adjacency", () => {
    expect(cidrsOverlap(parseCidr("10.0.0.0/16"), parseCidr("10.0.128.0/17"))).toBe(true);
    expect(cidrsOverlap(parseCidr("10.0.0.0/17"), parseCidr("10.0.128.0/17"))).toBe(false);
    expect(cidrsOverlap(parseCidr("10.0.0.0/8"), parseCidr("10.255.255.0/24"))).toBe(true);
  });

  it("throws with the reason for a bad block", () => {
    expect(() => parseCidr("10.0.0.1/16")).toThrow(/not canonical/);
  });
});

describe("ipv4Problem and hostnameProblem", () => {
  it("checks IPv4 addresses", () => {
    expect(ipv4Problem("203.0.113.10")).toBeNull();
    expect(ipv4Problem("203.0.113.256")).toMatch(/not an IPv4 address/);
    expect(ipv4Problem("x.x.x.x")).toMatch(/not an IPv4 address/);
  });

  it("checks DNS names", () => {
    expect(hostnameProblem("api.northwind.example")).toBeNull();
    expect(hostnameProblem("*.internal.northwind.example")).toBeNull();
    expect(hostnameProblem("localhost")).toMatch(/not a DNS name/);
    expect(hostnameProblem("bad_name.example.com")).toMatch(/not a DNS name/);
    expect(hostnameProblem("-bad.example.com")).toMatch(/not a DNS name/);
  });
});

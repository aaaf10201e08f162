import { describe, expect, it } from "vitest";
import { classifyAddress } from "@/lib/anypoint/addresses";

describe("classifying an IP address", () => {
  it.each([
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["169.254.169.254", "link-local"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["192.0.2.10", "reserved"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "reserved"],
  ])("IPv4 %s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each(["8.8.8.8", "52.1.2.3", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "11.0.0.1"])(
    "IPv4 %s next to those ranges is public",
    (address) => {
      expect(classifyAddress(address)).toBe("public");
    },
  );

  it.each([
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["[::1]", "loopback"],
    ["fc00::1", "private"],
    ["fd00:ec2::254", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
  ])("IPv6 %s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["0:0:0:0:0:ffff:c0a8:0101", "private"],
    ["64:ff9b::192.168.0.1", "private"],
    ["2002:7f00:1::", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["::ffff:8.8.8.8", "public"],
  ])("an IPv4 address carried in IPv6 (%s) is what the IPv4 address is: %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it("takes public IPv6 addresses as public, and names as not addresses", () => {
    expect(classifyAddress("2600:1f18::1")).toBe("public");
    expect(classifyAddress("2a00:1450:4001:800::200e")).toBe("public");
    expect(classifyAddress("anypoint.mulesoft.com")).toBeNull();
    expect(classifyAddress("127.0.0.1.nip.io")).toBeNull();
  });
});

package fetch

import "net/netip"

// blockedPrefixes are ranges netip does not classify as private but that
// a fetcher must not reach: "this network", shared address space (CGNAT),
// IETF protocol assignments, documentation, benchmarking and reserved
// IPv4; and in IPv6 the IPv4-compatible block (deprecated, never routed),
// discard-only, documentation and site-local (deprecated, RFC 3879, still
// routed inside some networks).
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("::/96"),
	netip.MustParsePrefix("100::/64"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("fec0::/10"),
}

// IPv6 ranges whose addresses carry an IPv4 address: 6to4 (bits 16–47),
// NAT64 well-known and local-use (last 32 bits) and Teredo (last 32 bits,
// inverted: the client's address).
var (
	sixToFour  = netip.MustParsePrefix("2002::/16")
	nat64      = netip.MustParsePrefix("64:ff9b::/96")
	nat64Local = netip.MustParsePrefix("64:ff9b:1::/48")
	teredo     = netip.MustParsePrefix("2001::/32")
)

// isInternal reports whether ip must not be fetched from. An IPv6 address
// that embeds an IPv4 address is internal when that IPv4 address is.
func isInternal(ip netip.Addr) bool {
	ip = ip.Unmap()
	if internalRange(ip) {
		return true
	}
	if v4, ok := embeddedIPv4(ip); ok {
		return internalRange(v4)
	}
	return false
}

func internalRange(ip netip.Addr) bool {
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() {
		return true
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// embeddedIPv4 returns the IPv4 address a 6to4, NAT64 or Teredo address
// carries.
func embeddedIPv4(ip netip.Addr) (netip.Addr, bool) {
	if !ip.Is6() {
		return netip.Addr{}, false
	}
	b := ip.As16()
	switch {
	case sixToFour.Contains(ip):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	case nat64.Contains(ip), nat64Local.Contains(ip):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case teredo.Contains(ip):
		return netip.AddrFrom4([4]byte{^b[12], ^b[13], ^b[14], ^b[15]}), true
	}
	return netip.Addr{}, false
}

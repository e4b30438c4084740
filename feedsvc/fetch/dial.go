package fetch

import (
	"errors"
	"fmt"
	"net/netip"
	"syscall"
)

// ErrPrivateAddress is returned (wrapped) when a request would connect to
// a loopback, private, link-local or otherwise internal address while
// Options.AllowPrivate is false.
var ErrPrivateAddress = errors.New("refusing to connect to a private address")

// errScheme is returned for URL schemes the client does not fetch.
var errScheme = errors.New("unsupported URL scheme")

// Extra ranges that netip does not classify as private but that must not
// be reachable from a fetcher: shared address space (CGNAT), the "this
// network" block, benchmarking, IETF protocol assignments and NAT64.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
}

// refusePrivate is a net.Dialer Control function: it runs after DNS
// resolution, on the exact address about to be dialled, so redirects and
// DNS rebinding cannot slip an internal address past it.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, ErrPrivateAddress)
	}
	if isInternal(ap.Addr()) {
		return fmt.Errorf("dial %s: %w", address, ErrPrivateAddress)
	}
	return nil
}

// isInternal reports whether ip must not be fetched from.
func isInternal(ip netip.Addr) bool {
	ip = ip.Unmap()
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

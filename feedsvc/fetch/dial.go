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

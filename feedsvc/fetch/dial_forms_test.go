package fetch

import (
	"context"
	"errors"
	"net/netip"
	"testing"
)

// Every spelling of an internal address is internal: IPv6 forms that
// embed an IPv4 address (mapped, compatible, 6to4, NAT64, Teredo) are
// judged by that address, and deprecated or non-routable IPv6 ranges
// (site-local, documentation, discard) are refused (issue 15 item 12).
func TestIsInternalAddressForms(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"127.0.0.1", true},
		{"127.255.255.254", true},
		{"10.0.0.1", true},
		{"172.16.0.1", true},
		{"192.168.1.1", true},
		{"169.254.169.254", true},
		{"100.64.0.1", true},
		{"0.0.0.0", true},
		{"192.0.2.1", true},    // documentation
		{"198.51.100.1", true}, // documentation
		{"203.0.113.1", true},  // documentation
		{"255.255.255.255", true},
		{"224.0.0.1", true},
		{"::", true},
		{"::1", true},
		{"fe80::1", true},
		{"fec0::1", true},          // site-local (deprecated, RFC 3879)
		{"feff::1", true},          // site-local, top of fec0::/10
		{"fc00::1", true},          // unique local
		{"fd12:3456::1", true},     // unique local
		{"ff02::1", true},          // multicast
		{"2001:db8::1", true},      // documentation
		{"100::1", true},           // discard-only
		{"::ffff:127.0.0.1", true}, // IPv4-mapped
		{"::ffff:10.0.0.1", true},
		{"::ffff:169.254.169.254", true},
		{"::127.0.0.1", true}, // IPv4-compatible
		{"::10.0.0.1", true},
		{"::169.254.169.254", true},
		{"::8.8.8.8", true},                            // IPv4-compatible is deprecated and never routed
		{"2002:7f00:1::1", true},                       // 6to4 of 127.0.0.1
		{"2002:a00:1::1", true},                        // 6to4 of 10.0.0.1
		{"2002:a9fe:a9fe::1", true},                    // 6to4 of 169.254.169.254
		{"2002:c0a8:101::", true},                      // 6to4 of 192.168.1.1
		{"64:ff9b::7f00:1", true},                      // NAT64 of 127.0.0.1
		{"64:ff9b::a00:1", true},                       // NAT64 of 10.0.0.1
		{"64:ff9b::a9fe:a9fe", true},                   // NAT64 of 169.254.169.254
		{"64:ff9b:1::7f00:1", true},                    // local-use NAT64 (RFC 8215) of 127.0.0.1
		{"2001:0:4136:e378:8000:63bf:80ff:fffe", true}, // Teredo, client 127.0.0.1
		{"93.184.216.34", false},
		{"8.8.8.8", false},
		{"2606:2800:220:1::1", false},
		{"2a00:1450:4001:80b::200e", false},
		{"::ffff:93.184.216.34", false}, // IPv4-mapped public
		{"2002:5db8:d822::1", false},    // 6to4 of 93.184.216.34
		{"64:ff9b::5db8:d822", false},   // NAT64 of 93.184.216.34 (IPv6-only networks)
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			ip := netip.MustParseAddr(tt.ip)
			if got := isInternal(ip); got != tt.want {
				t.Errorf("isInternal(%s) = %v, want %v", tt.ip, got, tt.want)
			}
			err := refusePrivate("tcp", joinPort(tt.ip), nil)
			if got := errors.Is(err, ErrPrivateAddress); got != tt.want {
				t.Errorf("refusePrivate(%s): got %v, want refused=%v", tt.ip, err, tt.want)
			}
		})
	}
}

// URL literals of the forms above are refused before any connection.
func TestGetRefusesEmbeddedLoopbackLiterals(t *testing.T) {
	c := New(Options{Timeout: 5e9})
	for _, u := range []string{"http://[::127.0.0.1]/", "http://[2002:7f00:1::1]/", "http://[fec0::1]/",
		"http://[::ffff:127.0.0.1]/", "http://[64:ff9b::7f00:1]/"} {
		if _, err := c.Get(context.Background(), Request{URL: u}); !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s: got %v, want ErrPrivateAddress", u, err)
		}
	}
}

package access

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestPolicy(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("secret data")) })
	nets := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	tests := []struct {
		name   string
		p      Policy
		remote string
		auth   string
		want   int
	}{
		{"open", Policy{}, "192.0.2.1:5000", "", 200},
		{"token missing", Policy{Token: "t"}, "192.0.2.1:5000", "", 401},
		{"token wrong", Policy{Token: "t"}, "192.0.2.1:5000", "Bearer x", 401},
		{"token other scheme", Policy{Token: "t"}, "192.0.2.1:5000", "Basic t", 401},
		{"token right", Policy{Token: "t"}, "192.0.2.1:5000", "Bearer t", 200},
		{"token scheme case", Policy{Token: "t"}, "192.0.2.1:5000", "bearer t", 200},
		{"network outside", Policy{Networks: nets}, "192.0.2.1:5000", "", 403},
		{"network inside", Policy{Networks: nets}, "10.2.3.4:5000", "", 200},
		{"network v6", Policy{Networks: nets}, "[::1]:5000", "", 200},
		{"network v4-mapped", Policy{Networks: nets}, "[::ffff:10.0.0.1]:5000", "", 200},
		{"both, no token", Policy{Token: "t", Networks: nets}, "10.2.3.4:5000", "", 401},
		{"both, outside", Policy{Token: "t", Networks: nets}, "192.0.2.1:5000", "Bearer t", 403},
		{"both", Policy{Token: "t", Networks: nets}, "10.2.3.4:5000", "Bearer t", 200},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("GET", "/metrics", nil)
		req.RemoteAddr = tt.remote
		if tt.auth != "" {
			req.Header.Set("Authorization", tt.auth)
		}
		rec := httptest.NewRecorder()
		tt.p.Guard(ok).ServeHTTP(rec, req)
		if rec.Code != tt.want || (tt.want != 200) == (rec.Body.String() == "secret data") {
			t.Errorf("%s: status %d body %q, want %d", tt.name, rec.Code, rec.Body, tt.want)
		}
	}
}

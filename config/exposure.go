package config

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// loadExposure reads who may see /metrics and /status:
// METRICS_ALLOWED_NETWORKS and STATUS_PUBLIC (METRICS_TOKEN is a secret).
func (c *Config) loadExposure(getenv func(string) string) error {
	c.StatusPublic = true
	if v := getenv("STATUS_PUBLIC"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("STATUS_PUBLIC %q: want true or false", v)
		}
		c.StatusPublic = b
	}
	if !c.StatusPublic && c.AdminToken == "" {
		return fmt.Errorf("STATUS_PUBLIC=false needs ADMIN_TOKEN (or ADMIN_TOKEN_FILE): the status pages would be unreachable")
	}
	for _, f := range strings.Split(getenv("METRICS_ALLOWED_NETWORKS"), ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return fmt.Errorf("METRICS_ALLOWED_NETWORKS %q: want CIDRs such as 10.0.0.0/8,127.0.0.1/32", f)
		}
		c.MetricsNetworks = append(c.MetricsNetworks, p.Masked())
	}
	return nil
}

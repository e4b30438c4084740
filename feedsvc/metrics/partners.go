package metrics

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
)

// partnerMetrics counts partner requests and bytes by partner id.
type partnerMetrics struct {
	requests *prometheus.CounterVec
	bytes    *prometheus.CounterVec
}

func newPartnerMetrics(reg *prometheus.Registry) partnerMetrics {
	p := partnerMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "feedsvc_partner_requests_total",
			Help: "Channel requests by partner id and HTTP status."}, []string{"partner", "status"}),
		bytes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "feedsvc_partner_bytes_total",
			Help: "Response body bytes sent to each partner."}, []string{"partner"}),
	}
	reg.MustRegister(p.requests, p.bytes)
	return p
}

// PartnerRequest implements httpapi.PartnerObserver.
func (m *Metrics) PartnerRequest(partner string, status int, bytes int64) {
	m.partners.requests.WithLabelValues(partner, strconv.Itoa(status)).Inc()
	m.partners.bytes.WithLabelValues(partner).Add(float64(bytes))
}

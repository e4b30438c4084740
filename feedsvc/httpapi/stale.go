package httpapi

import "log/slog"

// staleOnError answers a render that failed (a store read failed while
// the store fails over, or any other error): with the last good bytes of
// the same document when there are some, so a channel served before keeps
// being served; otherwise with the error (then 503 or 500).
func (s *Server) staleOnError(base string, good *entry, err error) (*entry, error) {
	if good == nil {
		return nil, err
	}
	s.log().Warn("serving stale channel: render failed", "channel", base, slog.Any("error", err))
	s.obs().stale()
	return good, nil
}

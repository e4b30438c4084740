package respond

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestStatus(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, 200},
		{"invalid", fmt.Errorf("limit: %w", feedsvc.ErrInvalid), 400},
		{"validation error", fmt.Errorf("put: %w", &feedsvc.ValidationError{Field: "url", Err: errors.New("url: bad")}), 400},
		{"forbidden", feedsvc.WithKind(feedsvc.ErrForbidden, errors.New("partner p may not read x")), 403},
		{"not found", fmt.Errorf("section x: %w", feedsvc.ErrNotFound), 404},
		{"conflict", fmt.Errorf("source a exists: %w", feedsvc.ErrConflict), 409},
		{"gone", fmt.Errorf("article a: %w", feedsvc.ErrGone), 410},
		{"too large", fmt.Errorf("body: %w", feedsvc.ErrTooLarge), 413},
		{"store down", fmt.Errorf("read: %w", feedsvc.ErrUnavailable), 503},
		{"anything else", errors.New("boom"), 500},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Status(tt.err); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

// TestFail checks what each kind of answer says and that only server
// errors are logged (and never shown).
func TestFail(t *testing.T) {
	for _, tt := range []struct {
		name     string
		err      error
		code     int
		body     string
		logLevel string
	}{
		{"client error says why", fmt.Errorf("no such section: %w", feedsvc.ErrNotFound), 404, "no such section: not found\n", ""},
		{"outage is a warning", fmt.Errorf("secret detail: %w", feedsvc.ErrUnavailable), 503, "store unavailable\n", "WARN"},
		{"bug is an error", errors.New("secret detail"), 500, "internal error\n", "ERROR"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var logs strings.Builder
			log := slog.New(slog.NewTextHandler(&logs, nil))
			w := httptest.NewRecorder()
			Fail(w, httptest.NewRequest("GET", "/sections/x", nil), log, tt.err, "store")
			if w.Code != tt.code || w.Body.String() != tt.body {
				t.Errorf("got %d %q, want %d %q", w.Code, w.Body.String(), tt.code, tt.body)
			}
			if ct := w.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
				t.Errorf("Content-Type: got %q", ct)
			}
			if tt.logLevel == "" && logs.Len() > 0 || tt.logLevel != "" && !strings.Contains(logs.String(), "level="+tt.logLevel) {
				t.Errorf("log: got %q, want level %q", logs.String(), tt.logLevel)
			}
			if tt.logLevel != "" && !strings.Contains(logs.String(), "path=/sections/x") {
				t.Errorf("log lacks the path: %q", logs.String())
			}
		})
	}
}

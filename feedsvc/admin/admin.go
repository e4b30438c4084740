package admin

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/access"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

// Catalog is the live set of sections and sources (*catalog.Catalog).
// Writes return the core's errors, which fail maps to statuses:
// *feedsvc.ValidationError for an entry feedsvc.ValidateSource or
// ValidateSection refuses (PutSource also refuses file: URLs, which only
// configuration files may use), feedsvc.ErrConflict for create=true on an
// existing id or slug and for deleting a section sources still use, and
// feedsvc.ErrNotFound for updating or deleting a missing one.
type Catalog interface {
	Sections() []feedsvc.Section
	Sources() []feedsvc.Source
	PutSource(ctx context.Context, src feedsvc.Source, create bool) error
	DeleteSource(ctx context.Context, id string) error
	PutSection(ctx context.Context, sec feedsvc.Section, create bool) error
	DeleteSection(ctx context.Context, slug string) error
}

// Refresher polls a source soon (*ingest.Scheduler).
type Refresher interface{ PollNow(id string) }

// API is the admin API: the catalog's sections and sources, partners and
// takedowns. Its exported handler methods serve one route each; httpapi's
// route list (routes.go) names their patterns and puts every one behind
// Authorize.
type API struct {
	Token   string // ADMIN_TOKEN; empty disables the API
	Catalog Catalog
	Refresh Refresher
	Log     *slog.Logger
	// Partners keeps the partners (nil: their routes answer 404).
	Partners Partners
	// Takedown takes articles down (nil: the article and tombstone routes
	// answer 404).
	Takedown Takedown
}

// maxBody bounds an admin request body.
const maxBody = 64 << 10

// Authorize puts next behind the admin token: 404 while ADMIN_TOKEN is
// empty (disabled, never open), 401 without the right bearer token
// (compared in constant time).
func (a *API) Authorize(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.Token == "" {
			writeError(w, http.StatusNotFound, "admin API disabled: set ADMIN_TOKEN", "")
			return
		}
		if !access.Bearer(r, a.Token) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="feedsvc admin"`)
			writeError(w, http.StatusUnauthorized, "missing or wrong bearer token", "")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// errBodyTooLarge is a request body over maxBody (413).
var errBodyTooLarge = fmt.Errorf("request body over %d bytes: %w", maxBody, feedsvc.ErrTooLarge)

// decode reads one JSON value strictly with feedsvc.DecodeJSON (unknown
// fields and anything after the value are a *feedsvc.ValidationError,
// worded without Go type names); a body over maxBody is errBodyTooLarge.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	err := feedsvc.DecodeJSON(http.MaxBytesReader(w, r.Body, maxBody), v)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return errBodyTooLarge
	}
	return err
}

// fail answers err as JSON with the status respond.Status gives it
// (validation 400, not found 404, conflict 409, taken down 410, too
// large 413, store unreachable 503, anything else 500, logged), naming
// the field of a validation error.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := respond.Message(a.log(), r, err, "store")
	field := ""
	if ve := (*feedsvc.ValidationError)(nil); errors.As(err, &ve) {
		field = ve.Field
	}
	writeError(w, code, msg, field)
}

// answer writes v as JSON with 200 OK, or fails with err when it is set.
func (a *API) answer(w http.ResponseWriter, r *http.Request, v any, err error) {
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// wired returns part, or answers 404 naming it when the API was built
// without it (Partners, Takedown: its routes then serve nothing).
func wired[T any](w http.ResponseWriter, part T, name string) (T, bool) {
	if any(part) == nil {
		writeError(w, http.StatusNotFound, name+" API not configured", "")
		return part, false
	}
	return part, true
}

func writeError(w http.ResponseWriter, status int, msg, field string) {
	body := map[string]string{"error": msg}
	if field != "" {
		body["field"] = field
	}
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Cache-Control", "no-store")
	respond.JSON(w, status, v)
}

func (a *API) log() *slog.Logger {
	if a.Log != nil {
		return a.Log
	}
	return slog.Default()
}

package respond

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Status is the one rule from the core's error kinds to an HTTP status:
//
//	feedsvc.ErrInvalid (a feedsvc.ValidationError)  400 Bad Request
//	feedsvc.ErrForbidden                            403 Forbidden
//	feedsvc.ErrNotFound                             404 Not Found
//	feedsvc.ErrConflict                             409 Conflict
//	feedsvc.ErrGone (a tombstoned article)          410 Gone
//	feedsvc.ErrTooLarge                             413 Content Too Large
//	feedsvc.ErrUnavailable (the store)              503 Service Unavailable
//	anything else                                   500 Internal Server Error
//
// nil is 200.
func Status(err error) int {
	switch {
	case err == nil:
		return http.StatusOK
	case errors.Is(err, feedsvc.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, feedsvc.ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, feedsvc.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, feedsvc.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, feedsvc.ErrGone):
		return http.StatusGone
	case errors.Is(err, feedsvc.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, feedsvc.ErrUnavailable):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// Message is what an answer with err's status says: a client error (4xx)
// says what was wrong with the request; a server error says only that
// what is unavailable (503) or "internal error", and is logged here, once
// (a 503, an outage the service rides out, as a warning).
func Message(log *slog.Logger, r *http.Request, err error, what string) (int, string) {
	code := Status(err)
	if code < http.StatusInternalServerError {
		return code, err.Error()
	}
	if log == nil {
		log = slog.Default()
	}
	level, msg := slog.LevelError, "internal error"
	if code == http.StatusServiceUnavailable {
		level, msg = slog.LevelWarn, what+" unavailable"
	}
	log.Log(r.Context(), level, "request failed", "method", r.Method, "path", r.URL.Path, slog.Any("error", err))
	return code, msg
}

// Fail answers err in plain text, as Message words it.
func Fail(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error, what string) {
	code, msg := Message(log, r, err, what)
	Plain(w, code, msg)
}

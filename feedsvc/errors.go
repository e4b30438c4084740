package feedsvc

import "errors"

// Errors shared across packages; wrap them with %w.
var (
	ErrNotFound    = errors.New("not found")
	ErrInvalid     = errors.New("invalid input")
	ErrTooLarge    = errors.New("body too large")
	ErrUnavailable = errors.New("store unavailable")
	ErrUnknownKind = errors.New("unknown document kind")
)

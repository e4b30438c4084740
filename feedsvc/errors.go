package feedsvc

import "errors"

// Errors shared across packages; wrap them with %w.
var (
	ErrNotFound    = errors.New("not found")
	ErrInvalid     = errors.New("invalid input")
	ErrTooLarge    = errors.New("body too large")
	ErrUnavailable = errors.New("store unavailable")
	ErrUnknownKind = errors.New("unknown document kind")
	// ErrConflict reports a change that would break references (a section
	// that sources still use) or an id that already exists.
	ErrConflict = errors.New("conflict")
)

// ValidationError is input that failed validation: Field names the field
// in the user's terms ("interval", "list.item"; "" for the input as a
// whole) and Err says what is wrong, starting with the field name. It
// matches ErrInvalid.
type ValidationError struct {
	Field string
	Err   error
}

func (e *ValidationError) Error() string { return e.Err.Error() }

// Unwrap makes a ValidationError match ErrInvalid.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

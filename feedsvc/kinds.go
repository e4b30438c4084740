package feedsvc

import "errors"

// ErrForbidden reports a caller that may not read what it asked for (a
// partner outside its sections).
var ErrForbidden = errors.New("forbidden")

// WithKind returns err marked as of kind (one of the Err values of this
// package): errors.Is finds both, and the text is err's alone, so a
// message shown to a client says only what went wrong.
func WithKind(kind, err error) error {
	if err == nil {
		return nil
	}
	return &kindError{err: err, kind: kind}
}

type kindError struct{ err, kind error }

func (e *kindError) Error() string   { return e.err.Error() }
func (e *kindError) Unwrap() []error { return []error{e.err, e.kind} }

package feedsvc

import (
	"errors"
	"fmt"
	"testing"
)

func TestWithKind(t *testing.T) {
	inner := errors.New("limit \"0\": want 1..500")
	err := fmt.Errorf("query: %w", WithKind(ErrInvalid, inner))
	if !errors.Is(err, ErrInvalid) || !errors.Is(err, inner) || errors.Is(err, ErrNotFound) {
		t.Errorf("kinds of %v wrong", err)
	}
	if got := WithKind(ErrInvalid, inner).Error(); got != inner.Error() {
		t.Errorf("text: got %q, want %q", got, inner.Error())
	}
	if WithKind(ErrInvalid, nil) != nil {
		t.Error("WithKind(kind, nil) is not nil")
	}
}

package feedsvc

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
)

// DecodeJSON reads one JSON value from r into v strictly (unknown keys
// and trailing data are errors) and words every error in the body's own
// terms, never naming a Go type: `interval: want a text value, got a JSON
// number`, `intervall: unknown key (did you mean interval?)`. Such errors
// are a *ValidationError naming the key ("" for the body as a whole). An
// error reading r is wrapped instead (http.MaxBytesError stays matchable).
func DecodeJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return plainJSONErr(err, reflect.TypeOf(v))
	}
	_, err := dec.Token()
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return nil
	case err == nil || errors.As(err, &se):
		return bodyErr("unexpected data after the JSON value")
	}
	return fmt.Errorf("request body: %w", err) // reading failed (size limit)
}

func plainJSONErr(err error, t reflect.Type) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return bodyErr("empty, want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return bodyErr("the JSON ends early")
	case errors.As(err, &se):
		return bodyErr("not valid JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &te):
		if te.Field == "" {
			return bodyErr("want %s, got a JSON %s", kindWords(te.Type), te.Value)
		}
		return invalid(te.Field, "want %s, got a JSON %s", kindWords(te.Type), te.Value)
	}
	if key, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		key = strings.Trim(key, `"`)
		msg := "unknown key"
		if s := NearestKey(key, jsonKeys(t)); s != "" {
			msg += " (did you mean " + s + "?)"
		}
		return invalid(key, "%s", msg)
	}
	if msg, ok := strings.CutPrefix(err.Error(), "json: "); ok {
		return bodyErr("%s", msg)
	}
	return fmt.Errorf("request body: %w", err) // reading failed (size limit)
}

// bodyErr is a *ValidationError on the body as a whole (no field).
func bodyErr(format string, args ...any) error {
	return &ValidationError{Err: errors.New("request body: " + fmt.Sprintf(format, args...))}
}

// kindWords describes what a value of type t looks like in JSON.
func kindWords(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a text value"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// jsonKeys lists the JSON keys of the struct t (or *t).
func jsonKeys(t reflect.Type) []string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		keys = append(keys, name)
	}
	return keys
}

// NearestKey returns the known key nearest to key by edit distance when
// it is close enough to be a likely typo, else "": the "did you mean"
// of unknown keys in the configuration file and the admin API.
func NearestKey(key string, known []string) string {
	known = slices.Sorted(slices.Values(known)) // ties go to the first in order
	maxD := min(2, max(1, len(key)/3))
	best, bestD := "", maxD+1
	for _, k := range known {
		if d := editDistance(strings.ToLower(key), k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b (bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// DecodeJSON reads one JSON value from r into v strictly (unknown keys
// and trailing data are errors) and words every error in the body's own
// terms, never naming a Go type: `interval: want a text value, got a JSON
// number`, `intervall: unknown key (did you mean interval?)`. An error
// reading r is wrapped (http.MaxBytesError stays matchable). The admin API
// decodes request bodies with it.
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
		return errors.New("request body: unexpected data after the JSON value")
	}
	return fmt.Errorf("request body: %w", err) // reading failed (size limit)
}

func plainJSONErr(err error, t reflect.Type) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("request body: empty, want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("request body: the JSON ends early")
	case errors.As(err, &se):
		return fmt.Errorf("request body: not valid JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "request body"
		}
		return fmt.Errorf("%s: want %s, got a JSON %s", field, kindWords(te.Type), te.Value)
	}
	if key, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		key = strings.Trim(key, `"`)
		msg := key + ": unknown key"
		if s := closest(key, jsonFields(t)); s != "" {
			msg += " (did you mean " + s + "?)"
		}
		return errors.New(msg)
	}
	if msg, ok := strings.CutPrefix(err.Error(), "json: "); ok {
		return errors.New("request body: " + msg)
	}
	return fmt.Errorf("request body: %w", err) // reading failed (size limit)
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

// jsonFields maps the JSON keys of the struct t (or *t) to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	m := map[string]reflect.Type{}
	if t == nil || t.Kind() != reflect.Struct {
		return m
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = f.Type
	}
	return m
}

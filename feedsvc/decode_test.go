package feedsvc

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestDecodeJSONErrorsNameNoGoType(t *testing.T) {
	type sourceJSON struct {
		ID       string   `json:"id"`
		Interval string   `json:"interval"`
		Sections []string `json:"sections"`
		List     struct {
			Pages int `json:"pages"`
		} `json:"list"`
	}
	for body, want := range map[string]string{
		`{"id":"a","intervall":"5m"}`: "intervall: unknown key (did you mean interval?)",
		`{"id":"a","interval":5}`:     "interval: want a text value, got a JSON number",
		`{"sections":"world"}`:        "sections: want a list, got a JSON string",
		`{"list":{"pages":"two"}}`:    "list.pages: want a whole number, got a JSON string",
		`{"id":"a"} {"id":"b"}`:       "unexpected data after the JSON value",
		`{"id":"a"`:                   "the JSON ends early",
		``:                            "empty, want a JSON object",
		`{"id":x}`:                    "not valid JSON at byte",
		`[1,2]`:                       "request body: want an object, got a JSON array",
	} {
		var v sourceJSON
		err := DecodeJSON(strings.NewReader(body), &v)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", body, err, want)
			continue
		}
		for _, leak := range []string{"Go ", "sourceJSON", "struct", "json:"} {
			if strings.Contains(err.Error(), leak) {
				t.Errorf("%s: error names Go internals (%q): %v", body, leak, err)
			}
		}
	}
	var v struct {
		ID string `json:"id"`
	}
	if err := DecodeJSON(strings.NewReader(" {\"id\":\"ok\"}\n"), &v); err != nil || v.ID != "ok" {
		t.Errorf("good body: %v %+v", err, v)
	}
}

// TestDecodeJSONKeepsReadErrors: an error reading the body (such as
// http.MaxBytesReader's limit) stays matchable, so the caller can answer
// 413 rather than 400.
func TestDecodeJSONKeepsReadErrors(t *testing.T) {
	errLimit := errors.New("body too large")
	var v struct {
		ID string `json:"id"`
	}
	for _, r := range []io.Reader{
		iotest.ErrReader(errLimit),
		io.MultiReader(strings.NewReader(`{"id":`), iotest.ErrReader(errLimit)),
		io.MultiReader(strings.NewReader(`{"id":"a"} `), iotest.ErrReader(errLimit)),
	} {
		if err := DecodeJSON(r, &v); !errors.Is(err, errLimit) {
			t.Errorf("got %v, want an error wrapping the read error", err)
		}
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
)

// pngSource serves a small PNG at /typed.png (Content-Type image/png) and
// at /bare.png (no Content-Type: Go would sniff one, so it is removed).
func pngSource(t *testing.T) *httptest.Server {
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/typed.png" {
			w.Header().Set("Content-Type", "image/png")
		} else {
			w.Header()["Content-Type"] = nil
		}
		_, _ = w.Write(img.Bytes())
	}))
	t.Cleanup(srv.Close)
	return srv
}

// A source that serves a PNG (with or without Content-Type) is a source
// error naming the URL and the type, visible in /api/status; nothing is
// published; `feedsvc check` exits non-zero with the same message
// (issue 12 item 4).
func TestNonDocumentSourceIsAnError(t *testing.T) {
	srv := pngSource(t)
	for _, path := range []string{"/typed.png", "/bare.png"} {
		want := srv.URL + path + ": image/png is not a feed or an HTML page"
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"check", srv.URL + path}, func(string) string { return "" }, &out, &errb)
		if code == 0 || !strings.Contains(errb.String(), want) {
			t.Errorf("check %s: exit %d, stderr %q, stdout %q; want non-zero and %q", path, code, errb.String(), out.String(), want)
		}
	}
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "pics", Title: "Pics", Language: "en"}},
		Sources: []feedsvc.Source{
			{ID: "typed", URL: srv.URL + "/typed.png", Sections: []string{"pics"}, Location: time.UTC, Interval: time.Hour},
			{ID: "bare", URL: srv.URL + "/bare.png", Sections: []string{"pics"}, Location: time.UTC, Interval: time.Hour},
		},
	}
	app := startAppEnv(t, nil, file, nil)
	errs := waitSourceErrors(t, app.Base, 2)
	for id, path := range map[string]string{"typed": "/typed.png", "bare": "/bare.png"} {
		want := srv.URL + path + ": image/png is not a feed or an HTML page"
		if !strings.Contains(errs[id], want) {
			t.Errorf("source %s: last_error %q, want it to contain %q", id, errs[id], want)
		}
	}
	resp, err := http.Get(app.Base + "/sections/pics/json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct{ Items []any }
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 0 {
		t.Errorf("section published %d items from PNG sources, want 0", len(doc.Items))
	}
}

// waitSourceErrors polls /api/status until n sources report an error and
// returns each source's last_error.
func waitSourceErrors(t *testing.T, base string, n int) map[string]string {
	t.Helper()
	got := map[string]string{}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(base + "/api/status")
		if err != nil {
			t.Fatal(err)
		}
		var st struct {
			Sources []struct {
				ID        string `json:"id"`
				LastError string `json:"last_error"`
			} `json:"sources"`
		}
		err = json.NewDecoder(resp.Body).Decode(&st)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range st.Sources {
			if s.LastError != "" {
				got[s.ID] = s.LastError
			}
		}
		if len(got) >= n {
			return got
		}
	}
	t.Fatalf("after 20s, %d sources report an error, want %d: %v", len(got), n, got)
	return nil
}

package respond

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestAcceptsGzip(t *testing.T) {
	for ae, want := range map[string]bool{"gzip": true, "br, gzip;q=0.5": true, "gzip;q=0": false, "identity": false, "": false, "*": true, "GZIP": true} {
		if got := acceptsGzip(ae); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", ae, got, want)
		}
	}
}

func TestNotModified(t *testing.T) {
	lm := time.Date(2023, 11, 15, 8, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, inm, ims string
		want           bool
	}{
		{"no validators", "", "", false},
		{"etag match", `"a"`, "", true},
		{"weak etag match", `W/"a"`, "", true},
		{"one of a list", `"x", "a"`, "", true},
		{"star", "*", "", true},
		{"etag mismatch wins over date", `"x"`, lm.Format(http.TimeFormat), false},
		{"date not older", "", lm.Format(http.TimeFormat), true},
		{"date older", "", lm.Add(-time.Second).Format(http.TimeFormat), false},
		{"bad date", "", "yesterday", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			if tt.inm != "" {
				r.Header.Set("If-None-Match", tt.inm)
			}
			if tt.ims != "" {
				r.Header.Set("If-Modified-Since", tt.ims)
			}
			if got := notModified(r, `"a"`, lm); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func serve(d *Doc, hdr ...string) *http.Response {
	r := httptest.NewRequest("GET", "/", nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	d.Serve(w, r)
	return w.Result()
}

// TestServe checks a document's headers for each encoding, and that a 304
// keeps the validators and caching headers but drops the representation
// headers (RFC 9110 §15.4.5): channels used to send Content-Type with
// their 304s, pages did not.
func TestServe(t *testing.T) {
	d := NewDoc([]byte("<rss/>"), []byte("gz"), time.Date(2023, 11, 15, 8, 0, 0, 5, time.UTC))
	d.Prepare(Meta{ContentType: "application/rss+xml", MaxAge: time.Minute, Vary: []string{"Accept-Encoding"}, Link: "<x>; rel=self"})
	res := serve(&d)
	want := map[string]string{"Content-Type": "application/rss+xml", "Cache-Control": "public, max-age=60",
		"Vary": "Accept-Encoding", "Link": "<x>; rel=self", "Content-Length": "6", "ETag": d.ETag,
		"Last-Modified": "Wed, 15 Nov 2023 08:00:00 GMT", "X-Content-Type-Options": "nosniff", "Content-Encoding": ""}
	for k, v := range want {
		if got := res.Header.Get(k); got != v {
			t.Errorf("identity %s: got %q, want %q", k, got, v)
		}
	}
	gz := serve(&d, "Accept-Encoding", "gzip")
	if gz.Header.Get("Content-Encoding") != "gzip" || gz.Header.Get("ETag") != d.GzETag || gz.Header.Get("Content-Length") != "2" {
		t.Errorf("gzip: got %v", gz.Header)
	}
	nm := serve(&d, "Accept-Encoding", "gzip", "If-None-Match", d.GzETag)
	if nm.StatusCode != http.StatusNotModified {
		t.Fatalf("If-None-Match: got %d, want 304", nm.StatusCode)
	}
	for _, k := range []string{"Content-Type", "Content-Encoding", "Content-Length"} {
		if v := nm.Header.Get(k); v != "" {
			t.Errorf("304 carries %s: %q", k, v)
		}
	}
	for _, k := range []string{"ETag", "Cache-Control", "Vary", "Last-Modified"} {
		if nm.Header.Get(k) != gz.Header.Get(k) {
			t.Errorf("304 %s: got %q, want %q", k, nm.Header.Get(k), gz.Header.Get(k))
		}
	}
}

func TestServePrivateWithoutGzip(t *testing.T) {
	d := NewDoc([]byte("page"), nil, time.Time{})
	d.Prepare(Meta{ContentType: "text/html", MaxAge: time.Minute, Private: true})
	res := serve(&d, "Accept-Encoding", "gzip")
	if res.Header.Get("Content-Encoding") != "" || res.Header.Get("ETag") != d.ETag {
		t.Errorf("a document without a gzip copy: got %v", res.Header)
	}
	if cc := res.Header.Get("Cache-Control"); cc != "private, max-age=60" {
		t.Errorf("Cache-Control: got %q", cc)
	}
	if res.Header.Get("Last-Modified") != "" || res.Header.Get("Vary") != "" {
		t.Errorf("unexpected Last-Modified or Vary: %v", res.Header)
	}
}

func TestHeadHasNoBody(t *testing.T) {
	d := NewDoc([]byte("body"), nil, time.Time{})
	d.Prepare(Meta{ContentType: "text/plain"})
	w := httptest.NewRecorder()
	d.Serve(w, httptest.NewRequest("HEAD", "/", nil))
	if w.Body.Len() != 0 || w.Header().Get("Content-Length") != "4" {
		t.Errorf("HEAD: body %q, Content-Length %q", w.Body.String(), w.Header().Get("Content-Length"))
	}
}

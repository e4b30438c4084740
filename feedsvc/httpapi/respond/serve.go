package respond

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Doc is a document ready to serve: its bytes, an optional gzip copy,
// their strong validators, and (after Prepare) the response headers of
// each encoding, computed once so that serving only copies them.
type Doc struct {
	Body, Gz     []byte // Gz: the gzip copy of Body (nil: none)
	ETag, GzETag string
	LastMod      time.Time // zero: no Last-Modified
	plain, gzip  http.Header
}

// NewDoc returns body (and its gzip copy gz) with strong ETags naming a
// hash of body, so identical bytes get identical validators on every
// replica; lastMod is truncated to the second HTTP dates carry. Bytes
// whose buffer is well over their length (a grown bytes.Buffer holds up
// to twice) are copied to a buffer of their size: documents are kept in a
// cache that counts their length.
func NewDoc(body, gz []byte, lastMod time.Time) Doc {
	body, gz = fit(body), fit(gz)
	sum := sha256.Sum256(body)
	tag := hex.EncodeToString(sum[:16])
	if !lastMod.IsZero() {
		lastMod = lastMod.UTC().Truncate(time.Second)
	}
	return Doc{Body: body, Gz: gz, ETag: `"` + tag + `"`, GzETag: `"` + tag + `-gz"`, LastMod: lastMod}
}

// fit returns b in a buffer at most 1/8 over its length.
func fit(b []byte) []byte {
	if cap(b)-len(b) > len(b)/8 {
		return bytes.Clone(b)
	}
	return b
}

// Meta is what a document's response says beside its validators.
type Meta struct {
	ContentType string
	MaxAge      time.Duration // Cache-Control max-age
	// Private marks a response a shared cache must not keep (it is the
	// caller's own, e.g. a partner's).
	Private bool
	// Vary lists the request headers the response depends on (a
	// document with a gzip copy depends on Accept-Encoding).
	Vary []string
	Link string // a Link header ("": none)
}

// Prepare computes d's response headers of each encoding from m.
func (d *Doc) Prepare(m Meta) {
	cc := "public"
	if m.Private {
		cc = "private"
	}
	common := http.Header{
		"Content-Type":           {m.ContentType},
		"Cache-Control":          {cc + ", max-age=" + strconv.Itoa(int(m.MaxAge.Seconds()))},
		"X-Content-Type-Options": {"nosniff"},
	}
	if len(m.Vary) > 0 {
		common["Vary"] = []string{strings.Join(m.Vary, ", ")}
	}
	if m.Link != "" {
		common["Link"] = []string{m.Link}
	}
	if !d.LastMod.IsZero() {
		common["Last-Modified"] = []string{d.LastMod.Format(http.TimeFormat)}
	}
	d.plain = common.Clone()
	d.plain["Etag"] = []string{d.ETag}
	d.plain["Content-Length"] = []string{strconv.Itoa(len(d.Body))}
	if len(d.Gz) == 0 {
		d.gzip = d.plain
		return
	}
	d.gzip = common
	d.gzip["Etag"] = []string{d.GzETag}
	d.gzip["Content-Encoding"] = []string{"gzip"}
	d.gzip["Content-Length"] = []string{strconv.Itoa(len(d.Gz))}
}

// Serve writes d (prepared), answering a conditional request that its
// validators match with 304 Not Modified and a gzip-capable client with
// the gzip copy. A 304 carries the validators and caching headers but
// no representation headers (RFC 9110 §15.4.5).
func (d *Doc) Serve(w http.ResponseWriter, r *http.Request) {
	body, etag, src := d.Body, d.ETag, d.plain
	if len(d.Gz) > 0 && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body, etag, src = d.Gz, d.GzETag, d.gzip
	}
	h := w.Header()
	for k, v := range src {
		h[k] = v
	}
	if notModified(r, etag, d.LastMod) {
		delete(h, "Content-Type")
		delete(h, "Content-Encoding")
		delete(h, "Content-Length")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// notModified applies RFC 9110 §13.2.2: If-None-Match (weak comparison,
// §13.1.2) wins; If-Modified-Since counts only without it.
func notModified(r *http.Request, etag string, lastMod time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == "*" || t == etag {
				return true
			}
		}
		return false
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || lastMod.IsZero() {
		return false
	}
	t, err := http.ParseTime(ims)
	return err == nil && !lastMod.After(t)
}

// acceptsGzip reports whether an Accept-Encoding value allows gzip.
func acceptsGzip(ae string) bool {
	for _, part := range strings.Split(ae, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.TrimSpace(name)
		if !strings.EqualFold(name, "gzip") && name != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// Plain writes a short plain-text answer (probes, errors): the message
// and a newline, as http.Error does.
func Plain(w http.ResponseWriter, code int, msg string) {
	http.Error(w, msg, code)
}

// JSON writes v as indented JSON with status code.
func JSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

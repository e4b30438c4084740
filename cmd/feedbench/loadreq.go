package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"sync/atomic"
	"time"
)

// loadTarget is what the load generator learns about the service before
// the run: its sections (as the admin API shows them, so a PUT changes
// only the description) and source ids.
type loadTarget struct {
	base     *url.URL
	token    string
	sections []map[string]any
	slugs    []string
	sources  []string
	months   []string // archive months, YYYY-MM
	descN    atomic.Int64
}

var channelFormats = []string{"rss", "atom", "json"}

// filterCategories are the categories gen-feed gives items: desks and topics.
var filterCategories = slices.Concat(desks, topics)

// call is one planned request and what its answer must look like.
type call struct {
	kind    kind
	method  string
	url     string
	body    []byte
	auth    bool   // send the admin bearer token
	inm     string // If-None-Match
	gzip    bool   // ask for gzip; a 200 must be gzip-encoded
	feed    bool   // a channel document: a 200 must carry a body and an ETag
	etagKey string // where the ETag of a 200 is remembered for conditional reads
	want    []int
}

// plan builds a request of kind k; etags holds the caller's last ETag by
// channel (conditional reads send it).
func (t *loadTarget) plan(k kind, rng *rand.Rand, etags map[string]string) call {
	slug := pick(rng, t.slugs)
	format := pick(rng, channelFormats)
	chURL := t.base.JoinPath("sections", slug, format).String()
	switch k {
	case kindCond:
		gz := rng.IntN(4) == 0
		key := etagKey(chURL, gz)
		return call{kind: k, method: http.MethodGet, url: chURL, gzip: gz, feed: true,
			inm: etags[key], etagKey: key, want: []int{http.StatusNotModified, http.StatusOK}}
	case kindGzip:
		key := etagKey(chURL, true)
		return call{kind: k, method: http.MethodGet, url: chURL, gzip: true, feed: true, etagKey: key, want: []int{http.StatusOK}}
	case kindFilter:
		u := t.base.JoinPath("sections", slug, format)
		u.RawQuery = filterQuery(rng).Encode()
		return call{kind: k, method: http.MethodGet, url: u.String(), feed: true, want: []int{http.StatusOK}}
	case kindArchive:
		if rng.IntN(2) == 0 || len(t.months) == 0 {
			u := t.base.JoinPath("sections", "all", "json").String()
			return call{kind: k, method: http.MethodGet, url: u, feed: true, want: []int{http.StatusOK}}
		}
		u := t.base.JoinPath("sections", slug, "archive", pick(rng, t.months), format).String()
		return call{kind: k, method: http.MethodGet, url: u, feed: true, want: []int{http.StatusOK}}
	case kindAdmin:
		return t.adminCall(rng)
	}
	return call{kind: kindRead, method: http.MethodGet, url: chURL, feed: true, etagKey: etagKey(chURL, false), want: []int{http.StatusOK}}
}

// adminCall is a section description update or a source refresh.
func (t *loadTarget) adminCall(rng *rand.Rand) call {
	if len(t.sources) == 0 || rng.IntN(2) == 0 {
		sec := maps.Clone(t.sections[rng.IntN(len(t.sections))])
		sec["description"] = "load " + strconv.FormatInt(t.descN.Add(1), 10)
		body, _ := json.Marshal(sec) // a decoded JSON object always encodes
		u := t.base.JoinPath("api", "sections", fmt.Sprint(sec["slug"])).String()
		return call{kind: kindAdmin, method: http.MethodPut, url: u, body: body, auth: true, want: []int{http.StatusOK}}
	}
	u := t.base.JoinPath("api", "sources", pick(rng, t.sources), "refresh").String()
	return call{kind: kindAdmin, method: http.MethodPost, url: u, auth: true, want: []int{http.StatusAccepted, http.StatusOK}}
}

func etagKey(u string, gz bool) string {
	if gz {
		return u + " gzip"
	}
	return u
}

// filterQuery draws one to four of q, category, limit and since, with
// values from the gen-feed word banks and its time window.
func filterQuery(rng *rand.Rand) url.Values {
	v := url.Values{}
	for len(v) == 0 {
		if rng.IntN(2) == 0 {
			v.Set("q", pick(rng, topics))
		}
		if rng.IntN(3) == 0 {
			v.Set("category", pick(rng, filterCategories))
		}
		if rng.IntN(2) == 0 {
			v.Set("limit", strconv.Itoa(1+rng.IntN(100)))
		}
		if rng.IntN(3) == 0 {
			since := feedBase.Add(-time.Duration(rng.IntN(72)) * time.Hour)
			v.Set("since", since.UTC().Format(time.RFC3339))
		}
	}
	return v
}

// request turns c into an HTTP request.
func (c *call) request(t *loadTarget) (*http.Request, error) {
	req, err := http.NewRequest(c.method, c.url, bytes.NewReader(c.body))
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", c.method, c.url, err)
	}
	if c.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.auth {
		req.Header.Set("Authorization", "Bearer "+t.token)
	}
	if c.inm != "" {
		req.Header.Set("If-None-Match", c.inm)
	}
	if c.gzip {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	return req, nil
}

// check reports what is wrong with an answer to c.
func (c *call) check(status int, h http.Header, body []byte) error {
	if !slices.Contains(c.want, status) {
		return fmt.Errorf("status %d, want %v: %.200q", status, c.want, body)
	}
	if status != http.StatusOK || !c.feed {
		return nil
	}
	if len(body) == 0 || h.Get("ETag") == "" {
		return fmt.Errorf("200 with %d body bytes and ETag %q", len(body), h.Get("ETag"))
	}
	if c.gzip && (h.Get("Content-Encoding") != "gzip" || !bytes.HasPrefix(body, []byte{0x1f, 0x8b})) {
		return fmt.Errorf("gzip requested, got Content-Encoding %q and body %.8q", h.Get("Content-Encoding"), body)
	}
	return nil
}

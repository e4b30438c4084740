package redisstore

import (
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"time"
)

// meta is what the store remembers about an article's last put, kept in
// the {p}m:{{id}} hash so a re-put can undo the old index entries without
// reading the article itself.
type meta struct {
	found     bool
	sections  []string  // field "s": JSON list of indexed section slugs
	url       string    // field "u"
	firstSeen time.Time // field "f": RFC 3339 with nanoseconds
	sum       string    // field "h": SHA-1 of the article JSON
	nonce     string    // field "g": random, new at every write (compare and set)
	score     int64     // field "t": index score, CursorOf(article).Millis
	// recent is field "r", the article's feedsvc.Recent (EncodeRecent),
	// which SectionRecent reads instead of the article. Writes only:
	// metaFields leaves it out (absent in metas written before it).
	recent []byte
}

// metaFields are the hash fields of meta, in HMGET order.
var metaFields = []string{"s", "u", "f", "h", "g", "t"}

// parseMeta reads an HMGET reply of metaFields.
func parseMeta(vals []any) meta {
	str := func(i int) string { v, _ := vals[i].(string); return v }
	if len(vals) != len(metaFields) || str(3) == "" {
		return meta{}
	}
	m := meta{found: true, url: str(1), sum: str(3), nonce: str(4)}
	_ = json.Unmarshal([]byte(str(0)), &m.sections)
	m.firstSeen, _ = time.Parse(time.RFC3339Nano, str(2))
	m.score, _ = strconv.ParseInt(str(5), 10, 64)
	return m
}

// fields returns m as HSET arguments.
func (m meta) fields() []any {
	secs, _ := json.Marshal(m.sections)
	f := []any{"s", string(secs), "u", m.url, "f", m.firstSeen.Format(time.RFC3339Nano), "h", m.sum,
		"g", m.nonce, "t", strconv.FormatInt(m.score, 10)}
	if len(m.recent) > 0 {
		f = append(f, "r", string(m.recent))
	}
	return f
}

// sameIndex reports whether m and o call for the same index and URL
// entries.
func (m meta) sameIndex(o meta) bool {
	return m.found == o.found && m.url == o.url && m.score == o.score && slices.Equal(m.sections, o.sections)
}

// newNonce returns a fresh random meta nonce.
func newNonce() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// checksum identifies an article's stored form.
func checksum(b []byte) string {
	h := sha1.Sum(b)
	return hex.EncodeToString(h[:])
}

// urlHash names the URL index key of a canonical URL.
func urlHash(u string) string { return checksum([]byte(u)) }

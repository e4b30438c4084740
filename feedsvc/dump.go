package feedsvc

import (
	"context"
	"encoding/json"
	"time"
)

// Record kinds of a store dump.
const (
	RecordArticle = "article"
	RecordState   = "source_state"
	RecordBlob    = "blob"
)

// RecordVersion is the version of the Record format that Dump writes;
// readers refuse records of a newer version.
const RecordVersion = 1

// Record is one item of a store dump (feedsvc export / import): an
// article (its JSON record, see EncodeArticle), a source's
// fetch state, or a blob with its expiry. Leases and
// section versions are not dumped: they are rebuilt by the store.
type Record struct {
	Type    string       `json:"type"`
	Version int          `json:"version"`
	Article *Article     `json:"article,omitempty"`
	State   *SourceState `json:"state,omitempty"`
	Key     string       `json:"key,omitempty"`    // blob key
	Data    []byte       `json:"data,omitempty"`   // blob bytes (base64 in JSON)
	Expires time.Time    `json:"expires,omitzero"` // blob expiry; zero: none
}

// Dumper is a Store that can enumerate what it holds. Dump calls fn for
// every stored article, source state and unexpired blob, in no particular
// order, and stops at the first error fn returns. Writes made during a
// Dump may or may not be seen.
type Dumper interface {
	Dump(ctx context.Context, fn func(Record) error) error
}

// MarshalJSON writes r with its article as the JSON record (version 2,
// the stored record before compression, see EncodeArticle), not the
// `feedsvc check` shape.
func (r Record) MarshalJSON() ([]byte, error) {
	type plain Record // no methods: avoids recursion
	w := struct {
		plain
		Article json.RawMessage `json:"article,omitempty"` // shadows plain.Article
	}{plain: plain(r)}
	if r.Article != nil {
		b, err := encodeRecordJSON(*r.Article)
		if err != nil {
			return nil, err
		}
		w.Article = b
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes, and the exports of earlier
// versions, whose articles have the `feedsvc check` shape (DecodeArticle
// reads both).
func (r *Record) UnmarshalJSON(b []byte) error {
	type plain Record
	var w struct {
		plain
		Article json.RawMessage `json:"article"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = Record(w.plain)
	if len(w.Article) > 0 && string(w.Article) != "null" {
		a, err := DecodeArticle(w.Article)
		if err != nil {
			return err
		}
		r.Article = &a
	}
	return nil
}

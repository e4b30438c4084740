package feedsvc

import (
	"encoding/binary"
	"errors"
	"slices"
	"strings"
)

// Recent is what ingest needs of a section's newest articles to match
// near-duplicates and to share out a section's first page, without the
// articles themselves: the article's place in the section, its source,
// the sources holding a version of it and its fingerprint. Stores keep it
// beside the section index (Store.SectionRecent), so a poll reads a few
// bytes per entry instead of decoding whole articles.
type Recent struct {
	Cursor          // place in the section: sort time and ID
	SourceID string // the article's SourceID (the lead version's source)
	// Sources lists the sources holding a version of the article, sorted,
	// without repeats; SourceID alone for an article without versions.
	Sources     []string
	Fingerprint uint64
}

// RecentOf returns the Recent entry of a stored article.
func RecentOf(a *Article) Recent {
	r := Recent{Cursor: CursorOf(a), SourceID: a.SourceID, Fingerprint: a.Fingerprint}
	if len(a.Versions) == 0 {
		r.Sources = []string{a.SourceID}
		return r
	}
	for _, v := range a.Versions {
		r.Sources = append(r.Sources, v.Article.SourceID)
	}
	slices.Sort(r.Sources)
	r.Sources = slices.Compact(r.Sources)
	return r
}

// HasSource reports whether source holds a version of the article.
func (r *Recent) HasSource(source string) bool {
	_, ok := slices.BinarySearch(r.Sources, source)
	return ok
}

// recentFormat opens an encoded Recent (EncodeRecent).
const recentFormat = 1

// EncodeRecent is the compact form a store keeps a Recent in (its cursor
// is the index entry's key): a format byte, the fingerprint (8 bytes big
// endian), then SourceID and each of Sources, each ended by a NUL byte.
func EncodeRecent(r Recent) []byte {
	n := 9 + len(r.SourceID) + 1
	for _, s := range r.Sources {
		n += len(s) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, recentFormat)
	b = binary.BigEndian.AppendUint64(b, r.Fingerprint)
	b = append(append(b, r.SourceID...), 0)
	for _, s := range r.Sources {
		b = append(append(b, s...), 0)
	}
	return b
}

// ErrNoRecent is DecodeRecent's error for bytes that hold no Recent (an
// index entry written before entries carried one): the caller reads the
// article instead.
var ErrNoRecent = errors.New("no recent entry")

// DecodeRecent reads EncodeRecent's bytes into r, keeping r.Cursor.
func DecodeRecent(b []byte, r *Recent) error {
	if len(b) < 10 || b[0] != recentFormat || b[len(b)-1] != 0 {
		return ErrNoRecent
	}
	r.Fingerprint = binary.BigEndian.Uint64(b[1:9])
	parts := strings.Split(string(b[9:len(b)-1]), "\x00")
	r.SourceID, r.Sources = parts[0], parts[1:]
	return nil
}

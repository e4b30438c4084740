package feedsvc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Record versions. EncodeArticle writes version 4, the form every store
// keeps an article in, apart from Article.MarshalJSON
// (the `feedsvc check` shape): changing what `check` prints never changes
// what is stored. DecodeArticle reads versions 1 to 4, and refuses a
// newer JSON record:
//
//   - version 1 is what stores wrote before the record had its own type:
//     Article.MarshalJSON's output, with nulls and without "v";
//   - version 2 is articleRecord as JSON, "v":2 (jsonRecordVersion), still
//     the article of an export line (Record.MarshalJSON);
//   - version 3 is version 2 compressed: one Zstandard frame (RFC 8878,
//     article_record_zstd.go) holding the version 2 JSON. Its first bytes
//     are the zstd magic number, which no JSON record starts with, so it
//     carries no "v" of its own; a later JSON shape would take "v":4;
//   - version 4 is the same frame holding articleRecord in a binary form
//     (article_record_bin.go), which reads many times faster than JSON;
//     the frame's first byte tells it from version 3.

// jsonRecordVersion is the "v" of the JSON record, inside a version 3
// record and on an export line.
const jsonRecordVersion = 2

// articleRecord is the stored form of an Article. Its keys are those of
// version 1, so that one decoder reads both; empty fields are left out.
type articleRecord struct {
	V             int                `json:"v,omitempty"` // jsonRecordVersion; 0: version 1
	ID            string             `json:"id"`
	SourceID      string             `json:"source_id,omitempty"`
	URL           string             `json:"url,omitempty"`
	GUID          string             `json:"guid,omitempty"`
	Title         string             `json:"title,omitempty"`
	Kicker        string             `json:"kicker,omitempty"`
	Subtitle      string             `json:"subtitle,omitempty"`
	PrintTitle    string             `json:"print_title,omitempty"`
	Authors       []string           `json:"authors,omitempty"`
	Photographers []string           `json:"photographers,omitempty"`
	Editor        string             `json:"editor,omitempty"`
	Source        string             `json:"source,omitempty"`
	SourceURL     string             `json:"source_url,omitempty"`
	Published     time.Time          `json:"published,omitzero"` // UTC, whole seconds
	Updated       time.Time          `json:"updated,omitzero"`   // UTC, whole seconds
	FirstSeen     time.Time          `json:"first_seen,omitzero"`
	Section       string             `json:"section,omitempty"`
	Language      string             `json:"language,omitempty"`
	Categories    []string           `json:"categories,omitempty"`
	Rights        string             `json:"rights,omitempty"`
	Images        []imageRecord      `json:"images,omitempty"`
	Attachments   []attachmentRecord `json:"attachments,omitempty"`
	Summary       string             `json:"summary,omitempty"`
	ContentHTML   string             `json:"content_html,omitempty"`
	BodyText      string             `json:"body_text,omitempty"`
	Sections      []string           `json:"sections,omitempty"`
	AlsoIn        []sourceRefRecord  `json:"also_in,omitempty"`
	Fingerprint   uint64             `json:"fingerprint,omitempty"`
	Versions      []versionRecord    `json:"versions,omitempty"`
}

// The nested records have the fields of Image, Attachment, SourceRef and
// PageFetch (so a conversion copies them) and keys of their own.
type (
	imageRecord struct {
		URL     string `json:"url"`
		Alt     string `json:"alt,omitempty"`
		Caption string `json:"caption,omitempty"`
		Credit  string `json:"credit,omitempty"`
		Type    string `json:"type,omitempty"`
		Length  int64  `json:"length,omitempty"`
	}
	attachmentRecord struct {
		URL    string `json:"url"`
		Type   string `json:"mime_type,omitempty"`
		Length int64  `json:"size_in_bytes,omitempty"`
		Title  string `json:"title,omitempty"`
	}
	sourceRefRecord struct {
		SourceID string `json:"source_id"`
		URL      string `json:"url"`
	}
	pageFetchRecord struct {
		Key          string `json:"key"`
		ETag         string `json:"etag,omitempty"`
		LastModified string `json:"last_modified,omitempty"`
	}
	versionRecord struct {
		Kind    string               `json:"kind"`
		Changed map[string]time.Time `json:"changed,omitempty"`
		Article articleRecord        `json:"article"`
		Fetched *pageFetchRecord     `json:"fetched,omitempty"`
	}
)

// EncodeArticle returns the stored record of a (version 4: its binary
// record, compressed). Stores call it on StoredArticle's result. Equal
// articles encode to equal bytes, so a store tells an identical re-put by
// comparing records.
func EncodeArticle(a Article) ([]byte, error) {
	r := toRecord(a)
	p := scratch.Get().(*[]byte)
	bin := appendRecordBin((*p)[:0], &r)
	rec := compressRecord(bin)
	putScratch(p, bin)
	return rec, nil
}

// encodeRecordJSON returns the JSON record of a, version 2: the stored
// record before compression, and an export line's article.
func encodeRecordJSON(a Article) ([]byte, error) { return appendRecordJSON(nil, a) }

// appendRecordJSON appends the JSON record of a to dst.
func appendRecordJSON(dst []byte, a Article) ([]byte, error) {
	r := toRecord(a)
	r.V = jsonRecordVersion
	buf := bytes.NewBuffer(dst)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false) // bodies are HTML: keep < > & as they are
	if err := enc.Encode(r); err != nil {
		return dst, fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// DecodeArticle reads a stored record of version 1 to 4, with every
// time in UTC. Empty lists read as nil,
// whichever version wrote them.
func DecodeArticle(b []byte) (Article, error) {
	if isCompressedRecord(b) {
		var a Article
		err := withDecompressed(b, func(inner []byte) error {
			if len(inner) == 0 || inner[0] != binRecordMark {
				var err error
				a, err = decodeRecordJSON(inner) // version 3
				return err
			}
			r, err := decodeRecordBin(inner)
			if err == nil {
				a = r.article() // its times are in UTC already
			}
			return err
		})
		return a, err
	}
	return decodeRecordJSON(b)
}

// decodeRecordJSON reads a JSON record, version 1 or 2.
func decodeRecordJSON(b []byte) (Article, error) {
	var r articleRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return Article{}, fmt.Errorf("decode article: %w", err)
	}
	if r.V > jsonRecordVersion {
		return Article{}, fmt.Errorf("decode article %s: JSON record version %d is newer than this build's %d: %w", r.ID, r.V, jsonRecordVersion, ErrInvalid)
	}
	a := r.article()
	a.Published, a.Updated, a.FirstSeen = a.Published.UTC(), a.Updated.UTC(), a.FirstSeen.UTC()
	return a, nil
}

func toRecord(a Article) articleRecord {
	return articleRecord{
		ID: a.ID, SourceID: a.SourceID, URL: a.URL, GUID: a.GUID,
		Title: a.Title, Kicker: a.Kicker, Subtitle: a.Subtitle, PrintTitle: a.PrintTitle,
		Authors: nilIfEmpty(a.Authors), Photographers: nilIfEmpty(a.Photographers),
		Editor: a.Editor, Source: a.Source, SourceURL: a.SourceURL,
		// Whole seconds in UTC, as version 1 wrote them (nested versions too).
		Published: a.Published.UTC().Truncate(time.Second), Updated: a.Updated.UTC().Truncate(time.Second),
		FirstSeen: a.FirstSeen,
		Section:   a.Section, Language: a.Language, Categories: nilIfEmpty(a.Categories), Rights: a.Rights,
		Images:      convert(a.Images, func(x Image) imageRecord { return imageRecord(x) }),
		Attachments: convert(a.Attachments, func(x Attachment) attachmentRecord { return attachmentRecord(x) }),
		Summary:     a.Summary, ContentHTML: a.ContentHTML, BodyText: a.BodyText,
		Sections:    nilIfEmpty(a.Sections),
		AlsoIn:      convert(a.AlsoIn, func(x SourceRef) sourceRefRecord { return sourceRefRecord(x) }),
		Fingerprint: a.Fingerprint,
		Versions: convert(a.Versions, func(v Version) versionRecord {
			return versionRecord{Kind: v.Kind, Changed: v.Changed, Article: toRecord(v.Article), Fetched: (*pageFetchRecord)(v.Fetched)}
		}),
	}
}

func (r articleRecord) article() Article {
	return Article{
		ID: r.ID, SourceID: r.SourceID, URL: r.URL, GUID: r.GUID,
		Title: r.Title, Kicker: r.Kicker, Subtitle: r.Subtitle, PrintTitle: r.PrintTitle,
		Authors: nilIfEmpty(r.Authors), Photographers: nilIfEmpty(r.Photographers),
		Editor: r.Editor, Source: r.Source, SourceURL: r.SourceURL,
		Published: r.Published, Updated: r.Updated, FirstSeen: r.FirstSeen,
		Section: r.Section, Language: r.Language, Categories: nilIfEmpty(r.Categories), Rights: r.Rights,
		Images:      convert(r.Images, func(x imageRecord) Image { return Image(x) }),
		Attachments: convert(r.Attachments, func(x attachmentRecord) Attachment { return Attachment(x) }),
		Summary:     r.Summary, ContentHTML: r.ContentHTML, BodyText: r.BodyText,
		Sections:    nilIfEmpty(r.Sections),
		AlsoIn:      convert(r.AlsoIn, func(x sourceRefRecord) SourceRef { return SourceRef(x) }),
		Fingerprint: r.Fingerprint,
		Versions: convert(r.Versions, func(v versionRecord) Version {
			return Version{Kind: v.Kind, Changed: v.Changed, Article: v.Article.article(), Fetched: (*PageFetch)(v.Fetched)}
		}),
	}
}

// convert maps in through f; an empty list is nil.
func convert[T, U any](in []T, f func(T) U) []U {
	if len(in) == 0 {
		return nil
	}
	out := make([]U, len(in))
	for i, x := range in {
		out[i] = f(x)
	}
	return out
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

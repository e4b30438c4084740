package feedsvc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"
)

// A version 4 record is one Zstandard frame (as version 3) holding
// articleRecord in the binary form below instead of JSON. Reading a JSON
// record took 40–100 µs per article (encoding/json scans the input twice
// and unquotes every string), which made decoding a quarter of a channel
// request's CPU and a large part of a poll's store step; this form reads
// in a few µs. encoding/gob, the standard library's binary codec, writes
// its type description into every single-value stream and reads it back
// per record, which costs what is saved here.
//
// The form is the record's fields in declaration order, nothing else:
//
//   - a string: its length (uvarint), then its bytes;
//   - a list: its length (uvarint), then its elements; empty reads as nil;
//   - a time: 0 for the zero time, else 1, the Unix seconds (varint) and
//     the nanoseconds (uvarint), read back in UTC;
//   - int64: varint; the fingerprint: 8 bytes, big-endian;
//   - a version's Changed: its length, then key and time by sorted key
//     (equal maps write equal bytes); Fetched: 0 for none, else 1 and its
//     three strings; its Article: an article record, nested.
//
// It starts with binRecordMark, which no JSON record starts with, so the
// frame's first byte tells version 4 from version 3. A field added later
// goes at the end, read only when the record has bytes left (or the form
// takes a new mark): TestArticleRecordPinnedVersion4 pins the bytes.

// binRecordMark is the first byte inside a version 4 frame.
const binRecordMark = 0x04

// maxRecordDepth bounds versions nested in versions (a version's article
// keeps none of its own), so a damaged record cannot recurse without end.
const maxRecordDepth = 4

// appendRecordBin appends the binary form of r (with its mark) to dst.
func appendRecordBin(dst []byte, r *articleRecord) []byte {
	return binWriter{dst}.record(r).b
}

type binWriter struct{ b []byte }

func (w binWriter) str(s string) binWriter {
	w.b = binary.AppendUvarint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
	return w
}

func (w binWriter) num(n int) binWriter {
	w.b = binary.AppendUvarint(w.b, uint64(n))
	return w
}

func (w binWriter) strs(l []string) binWriter {
	w = w.num(len(l))
	for _, s := range l {
		w = w.str(s)
	}
	return w
}

func (w binWriter) time(t time.Time) binWriter {
	if t.IsZero() {
		w.b = append(w.b, 0)
		return w
	}
	w.b = append(w.b, 1)
	w.b = binary.AppendVarint(w.b, t.Unix())
	w.b = binary.AppendUvarint(w.b, uint64(t.Nanosecond()))
	return w
}

func (w binWriter) record(r *articleRecord) binWriter {
	w.b = append(w.b, binRecordMark)
	w = w.str(r.ID).str(r.SourceID).str(r.URL).str(r.GUID).
		str(r.Title).str(r.Kicker).str(r.Subtitle).str(r.PrintTitle).
		strs(r.Authors).strs(r.Photographers).
		str(r.Editor).str(r.Source).str(r.SourceURL).
		time(r.Published).time(r.Updated).time(r.FirstSeen).
		str(r.Section).str(r.Language).strs(r.Categories).str(r.Rights)
	w = w.num(len(r.Images))
	for _, im := range r.Images {
		w = w.str(im.URL).str(im.Alt).str(im.Caption).str(im.Credit).str(im.Type)
		w.b = binary.AppendVarint(w.b, im.Length)
	}
	w = w.num(len(r.Attachments))
	for _, at := range r.Attachments {
		w = w.str(at.URL).str(at.Type)
		w.b = binary.AppendVarint(w.b, at.Length)
		w = w.str(at.Title)
	}
	w = w.str(r.Summary).str(r.ContentHTML).str(r.BodyText).strs(r.Sections)
	w = w.num(len(r.AlsoIn))
	for _, ref := range r.AlsoIn {
		w = w.str(ref.SourceID).str(ref.URL)
	}
	w.b = binary.BigEndian.AppendUint64(w.b, r.Fingerprint)
	w = w.num(len(r.Versions))
	for i := range r.Versions {
		v := &r.Versions[i]
		w = w.str(v.Kind).num(len(v.Changed))
		keys := make([]string, 0, len(v.Changed))
		for k := range v.Changed {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			w = w.str(k).time(v.Changed[k])
		}
		w = w.record(&v.Article)
		if v.Fetched == nil {
			w.b = append(w.b, 0)
		} else {
			w.b = append(w.b, 1)
			w = w.str(v.Fetched.Key).str(v.Fetched.ETag).str(v.Fetched.LastModified)
		}
	}
	return w
}

var errBinRecord = errors.New("decode article: damaged binary record")

// decodeRecordBin reads the binary form b (from its mark). Every string
// of the record shares one copy of b.
func decodeRecordBin(b []byte) (articleRecord, error) {
	rd := binReader{s: string(b)}
	r := rd.record(0)
	if rd.err == nil && rd.i != len(rd.s) {
		rd.err = fmt.Errorf("%w: %d bytes after it", errBinRecord, len(rd.s)-rd.i)
	}
	if rd.err != nil {
		return articleRecord{}, fmt.Errorf("%w (%s)", rd.err, r.ID)
	}
	return r, nil
}

// binReader reads the form; after the first error every read returns a
// zero value and the error stays.
type binReader struct {
	s   string
	i   int
	err error
}

func (rd *binReader) fail(what string) {
	if rd.err == nil {
		rd.err = fmt.Errorf("%w: %s at byte %d of %d", errBinRecord, what, rd.i, len(rd.s))
	}
	rd.i = len(rd.s)
}

func (rd *binReader) uvarint() uint64 {
	if rd.err != nil {
		return 0
	}
	var x uint64
	for shift := 0; shift < 64; shift += 7 {
		if rd.i >= len(rd.s) {
			break
		}
		c := rd.s[rd.i]
		rd.i++
		if c < 0x80 {
			if shift == 63 && c > 1 {
				break
			}
			return x | uint64(c)<<shift
		}
		x |= uint64(c&0x7f) << shift
	}
	rd.fail("bad varint")
	return 0
}

func (rd *binReader) varint() int64 {
	ux := rd.uvarint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

func (rd *binReader) byte() byte {
	if rd.err != nil || rd.i >= len(rd.s) {
		rd.fail("truncated")
		return 0
	}
	c := rd.s[rd.i]
	rd.i++
	return c
}

// n reads a count of items that take at least min bytes each, bounded by
// what is left, so a damaged count cannot allocate beyond the record.
func (rd *binReader) n(min int) int {
	n := rd.uvarint()
	if n > uint64(len(rd.s)-rd.i)/uint64(min) {
		rd.fail("count beyond the record")
		return 0
	}
	return int(n)
}

func (rd *binReader) str() string {
	n := rd.n(1)
	s := rd.s[rd.i : rd.i+n]
	rd.i += n
	return s
}

func (rd *binReader) strs() []string {
	n := rd.n(1)
	if n == 0 {
		return nil
	}
	l := make([]string, n)
	for i := range l {
		l[i] = rd.str()
	}
	return l
}

func (rd *binReader) time() time.Time {
	switch rd.byte() {
	case 0:
		return time.Time{}
	case 1:
		sec, ns := rd.varint(), rd.uvarint()
		if ns >= 1e9 {
			rd.fail("bad nanoseconds")
			return time.Time{}
		}
		return time.Unix(sec, int64(ns)).UTC()
	}
	rd.fail("bad time")
	return time.Time{}
}

func (rd *binReader) record(depth int) articleRecord {
	var r articleRecord
	if depth > maxRecordDepth {
		rd.fail("versions nested too deep")
		return r
	}
	if rd.byte() != binRecordMark {
		rd.fail("no record mark")
		return r
	}
	r.ID, r.SourceID, r.URL, r.GUID = rd.str(), rd.str(), rd.str(), rd.str()
	r.Title, r.Kicker, r.Subtitle, r.PrintTitle = rd.str(), rd.str(), rd.str(), rd.str()
	r.Authors, r.Photographers = rd.strs(), rd.strs()
	r.Editor, r.Source, r.SourceURL = rd.str(), rd.str(), rd.str()
	r.Published, r.Updated, r.FirstSeen = rd.time(), rd.time(), rd.time()
	r.Section, r.Language, r.Categories, r.Rights = rd.str(), rd.str(), rd.strs(), rd.str()
	if n := rd.n(6); n > 0 {
		r.Images = make([]imageRecord, n)
		for i := range r.Images {
			im := &r.Images[i]
			im.URL, im.Alt, im.Caption, im.Credit, im.Type = rd.str(), rd.str(), rd.str(), rd.str(), rd.str()
			im.Length = rd.varint()
		}
	}
	if n := rd.n(4); n > 0 {
		r.Attachments = make([]attachmentRecord, n)
		for i := range r.Attachments {
			at := &r.Attachments[i]
			at.URL, at.Type = rd.str(), rd.str()
			at.Length = rd.varint()
			at.Title = rd.str()
		}
	}
	r.Summary, r.ContentHTML, r.BodyText, r.Sections = rd.str(), rd.str(), rd.str(), rd.strs()
	if n := rd.n(2); n > 0 {
		r.AlsoIn = make([]sourceRefRecord, n)
		for i := range r.AlsoIn {
			r.AlsoIn[i].SourceID, r.AlsoIn[i].URL = rd.str(), rd.str()
		}
	}
	if rd.err == nil && len(rd.s)-rd.i >= 8 {
		for _, c := range []byte(rd.s[rd.i : rd.i+8]) {
			r.Fingerprint = r.Fingerprint<<8 | uint64(c)
		}
		rd.i += 8
	} else {
		rd.fail("truncated fingerprint")
	}
	if n := rd.n(4); n > 0 {
		r.Versions = make([]versionRecord, n)
		for i := range r.Versions {
			v := &r.Versions[i]
			v.Kind = rd.str()
			if m := rd.n(2); m > 0 {
				v.Changed = make(map[string]time.Time, m)
				for range m {
					k := rd.str()
					v.Changed[k] = rd.time()
				}
			}
			v.Article = rd.record(depth + 1)
			switch rd.byte() {
			case 0:
			case 1:
				v.Fetched = &pageFetchRecord{Key: rd.str(), ETag: rd.str(), LastModified: rd.str()}
			default:
				rd.fail("bad fetched mark")
			}
		}
	}
	return r
}

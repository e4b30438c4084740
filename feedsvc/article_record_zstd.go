package feedsvc

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// A version 3 record is one Zstandard frame (RFC 8878) holding the
// version 2 JSON record, written by one shared encoder at the fastest
// level. An article's text is in it twice (ContentHTML, and BodyText
// without the markup) next to the JSON keys and repeated URLs, all of
// which the compressor folds within the record; the figures for real and
// synthetic articles are in TestRecordCompressionRatio and the README.
//
// The encoder is deterministic: equal JSON gives equal frames, whichever
// goroutine or pooled encoder state writes it, which keeps "an identical
// re-put writes nothing" a comparison of bytes (boltstore) or checksums
// (redisstore). A change of level or library that changes the frames of
// equal input makes every article look changed once, on its next put.

// zstdMagic starts every Zstandard frame (RFC 8878, 3.1.1), so every
// version 3 record. A JSON record starts with '{' (or white space).
var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

const (
	// maxRecordBytes bounds what one record decompresses to, so that a
	// damaged record cannot make a reader allocate without limit. It is
	// far above any article the service keeps (bodies are capped when
	// fetched).
	maxRecordBytes = 64 << 20
	// maxPooledBuf: scratch buffers up to this size are kept for reuse.
	maxPooledBuf = 256 << 10
)

var (
	// recordEncoder and recordDecoder are shared by every goroutine:
	// EncodeAll and DecodeAll may run concurrently, each on one of a few
	// pooled states (GOMAXPROCS, at most 4 for the decoder).
	recordEncoder = sync.OnceValue(newRecordEncoder)
	recordDecoder = sync.OnceValue(func() *zstd.Decoder {
		d, err := zstd.NewReader(nil, zstd.WithDecoderMaxMemory(maxRecordBytes), zstd.WithDecoderLowmem(true))
		if err != nil {
			panic(fmt.Sprintf("feedsvc: record decoder: %v", err)) // the options are constants
		}
		return d
	})
	// scratch holds the buffers a record is built or read in; only the
	// returned record is allocated per call.
	scratch = sync.Pool{New: func() any { return new([]byte) }}
)

// newRecordEncoder returns an encoder with the options of version 3.
func newRecordEncoder() *zstd.Encoder {
	e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
		zstd.WithWindowSize(1<<20), zstd.WithLowerEncoderMem(true))
	if err != nil {
		panic(fmt.Sprintf("feedsvc: record encoder: %v", err)) // the options are constants
	}
	return e
}

// isCompressedRecord reports whether b is a version 3 record.
func isCompressedRecord(b []byte) bool { return bytes.HasPrefix(b, zstdMagic) }

// compressRecord returns the version 3 record of the JSON record js, in a
// slice of its own length.
func compressRecord(js []byte) []byte {
	p := scratch.Get().(*[]byte)
	out := recordEncoder().EncodeAll(js, (*p)[:0])
	rec := bytes.Clone(out)
	putScratch(p, out)
	return rec
}

// withDecompressed calls f with the JSON record inside the version 3
// record b; f must not keep the slice.
func withDecompressed(b []byte, f func(js []byte) error) error {
	p := scratch.Get().(*[]byte)
	js, err := recordDecoder().DecodeAll(b, (*p)[:0])
	if err == nil {
		err = f(js)
	} else {
		err = fmt.Errorf("decode article: compressed record: %w", err)
	}
	putScratch(p, js)
	return err
}

// putScratch returns buf, which grew from *p, to the pool unless it is
// large.
func putScratch(p *[]byte, buf []byte) {
	if cap(buf) > maxPooledBuf {
		return
	}
	*p = buf[:0]
	scratch.Put(p)
}

package fetch

import (
	"bytes"
	"compress/gzip"
	"errors"
	"image"
	"image/png"
	"testing"
)

func pngBytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gzipBytes(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, _ = w.Write([]byte(s))
	_ = w.Close()
	return b.Bytes()
}

// Only feeds and HTML pages are documents: images, PDF, audio/video,
// archives and other binary bytes are refused, by Content-Type and by
// sniffing the bytes (issue 12 item 4).
func TestCheckDocument(t *testing.T) {
	pngb := pngBytes(t)
	tests := []struct {
		name, ctype string
		body        []byte
		want        string // the refused media type; "" accepts
	}{
		{"png with type", "image/png", pngb, "image/png"},
		{"png without type", "", pngb, "image/png"},
		{"png labelled as a feed", "application/rss+xml", pngb, "image/png"},
		{"png labelled as text", "text/plain; charset=utf-8", pngb, "image/png"},
		{"pdf", "", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "application/pdf"},
		{"zip", "", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), "application/zip"},
		{"gzip", "", gzipBytes(t, "<rss/>"), "application/x-gzip"},
		{"mp3", "", []byte("ID3\x03\x00\x00\x00\x00\x00\x00"), "audio/mpeg"},
		{"mp4", "", []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"), "video/mp4"},
		{"declared audio", "audio/x-unknown", []byte("\x01\x02\x03\x04"), "audio/x-unknown"},
		{"declared avif", "image/avif", []byte("\x00\x00\x00\x1cftypavif\x00\x00"), "image/avif"},
		{"binary octet-stream", "application/octet-stream", []byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08"), "application/octet-stream"},
		{"binary without type", "", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), "application/octet-stream"},
		{"binary labelled as a feed (parser's error)", "application/rss+xml", []byte("\x00\x01 {not XML} \xff"), ""},
		{"binary labelled as html (parser's error)", "text/html", []byte("\x00\xff<<html"), ""},
		{"rss", "application/rss+xml", []byte(`<?xml version="1.0"?><rss version="2.0"></rss>`), ""},
		{"rss as octet-stream", "application/octet-stream", []byte(`<rss version="2.0"><channel/></rss>`), ""},
		{"rss as image (misconfigured)", "image/png", []byte("\n  <rss version=\"2.0\"><channel/></rss>"), ""},
		{"rss with a control byte", "", []byte("<rss><channel><title>a\x0bb</title></channel></rss>"), ""},
		{"html without type", "", []byte("<!doctype html><title>x</title>"), ""},
		{"json feed", "application/feed+json", []byte(`{"version":"https://jsonfeed.org/version/1.1"}`), ""},
		{"utf-16le without BOM", "", []byte("<\x00r\x00s\x00s\x00>\x00"), ""},
		{"utf-16be with BOM", "", []byte("\xfe\xff\x00<\x00r\x00s\x00s"), ""},
		{"bom then xml", "", []byte("\xef\xbb\xbf<?xml version=\"1.0\"?><feed/>"), ""},
		{"gbk text", "", []byte("<?xml version=\"1.0\" encoding=\"gbk\"?><rss>\xd6\xd0\xce\xc4</rss>"), ""},
		{"empty", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckDocument(tt.body, tt.ctype)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got %v, want a document", err)
				}
				return
			}
			if !errors.Is(err, ErrNotDocument) {
				t.Fatalf("got %v, want ErrNotDocument", err)
			}
			if want := tt.want + " is not a feed or an HTML page"; err.Error() != want {
				t.Errorf("message %q, want %q", err, want)
			}
		})
	}
}

package fetch

import (
	"bytes"
	"errors"
	"mime"
	"net/http"
	"strings"
)

// ErrNotDocument is wrapped by CheckDocument's errors: the response is
// neither a feed nor an HTML page.
var ErrNotDocument = errors.New("not a feed or an HTML page")

// NotDocumentError names the media type of a response that is neither a
// feed nor an HTML page.
type NotDocumentError struct{ Type string }

// Error implements error: "image/png is not a feed or an HTML page".
func (e *NotDocumentError) Error() string { return e.Type + " is not a feed or an HTML page" }

// Unwrap makes errors.Is(err, ErrNotDocument) hold.
func (e *NotDocumentError) Unwrap() error { return ErrNotDocument }

// CheckDocument refuses a body that cannot be a feed or an HTML page:
// images, PDF, audio and video, archives and other binary data, known by
// the Content-Type or by the bytes (net/http's sniffing). Bytes that open
// with markup or JSON are always accepted, whatever the label says, and
// unknown binary labelled as a feed or page is left to the parser.
func CheckDocument(body []byte, contentType string) error {
	if opensAsText(body) {
		return nil
	}
	if t := mediaType(contentType); nonDocument(t) {
		return &NotDocumentError{Type: t}
	}
	t := mediaType(http.DetectContentType(body))
	if nonDocument(t) || (t == "application/octet-stream" && !documentType(mediaType(contentType))) {
		return &NotDocumentError{Type: t}
	}
	return nil
}

// documentType reports a media type a feed or page is served as; bytes
// labelled so that sniff as unknown binary are left to the parser, whose
// error says more.
func documentType(t string) bool {
	return strings.HasPrefix(t, "text/") || strings.Contains(t, "xml") || strings.Contains(t, "html") ||
		strings.Contains(t, "json")
}

// opensAsText reports whether body starts, after a byte-order mark and
// white space, with '<' or '{', in UTF-8 or UTF-16 (NUL-padded).
func opensAsText(body []byte) bool {
	for _, bom := range [][]byte{{0xEF, 0xBB, 0xBF}, {0xFF, 0xFE}, {0xFE, 0xFF}} {
		body = bytes.TrimPrefix(body, bom)
	}
	for _, c := range body[:min(len(body), 1024)] {
		switch c {
		case 0, ' ', '\t', '\r', '\n':
		case '<', '{':
			return true
		default:
			return false
		}
	}
	return false
}

func mediaType(contentType string) string {
	t, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		t, _, _ = strings.Cut(contentType, ";")
	}
	return strings.ToLower(strings.TrimSpace(t))
}

// nonDocumentTypes are media types outside image/, audio/, video/, font/
// and model/ that are never a feed or a page.
var nonDocumentTypes = map[string]bool{
	"application/pdf": true, "application/postscript": true, "application/zip": true,
	"application/gzip": true, "application/x-gzip": true, "application/x-tar": true,
	"application/x-rar-compressed": true, "application/vnd.rar": true, "application/x-7z-compressed": true,
	"application/x-bzip2": true, "application/x-xz": true, "application/zstd": true,
	"application/wasm": true, "application/ogg": true, "application/vnd.ms-fontobject": true,
	"application/x-msdownload": true, "application/java-archive": true,
	"application/vnd.android.package-archive": true, "application/x-shockwave-flash": true,
	"application/msword": true, "application/vnd.ms-excel": true, "application/vnd.ms-powerpoint": true,
}

func nonDocument(t string) bool {
	for _, p := range []string{"image/", "audio/", "video/", "font/", "model/",
		"application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument."} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return nonDocumentTypes[t]
}

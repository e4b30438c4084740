package render

import (
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// enclosure is an image or attachment of an article, with its MIME type
// always known (given or guessed) so every format can name it.
type enclosure struct {
	URL     string
	Type    string
	Length  int64
	Title   string
	Caption string
	Credits []string // photographers of an image
	Image   bool
}

// enclosures lists a's images, then its attachments.
func enclosures(a *feedsvc.Article) []enclosure {
	out := make([]enclosure, 0, len(a.Images)+len(a.Attachments))
	for _, im := range a.Images {
		e := enclosure{URL: im.URL, Type: im.Type, Length: im.Length,
			Title: im.Alt, Caption: im.Caption, Image: true}
		if e.Type == "" {
			e.Type = mimeType(im.URL, "image/jpeg")
		}
		if im.Credit != "" {
			e.Credits = []string{im.Credit}
		} else {
			e.Credits = a.Photographers
		}
		out = append(out, e)
	}
	for _, at := range a.Attachments {
		e := enclosure{URL: at.URL, Type: at.Type, Length: at.Length, Title: at.Title}
		if e.Type == "" {
			e.Type = mimeType(at.URL, "application/octet-stream")
		}
		out = append(out, e)
	}
	return out
}

// mimeTypes maps file extensions to MIME types. It is built in rather than
// taken from mime.TypeByExtension, which reads the host's mime.types and
// would make output differ between machines.
var mimeTypes = map[string]string{
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".jpe": "image/jpeg",
	".png": "image/png", ".gif": "image/gif", ".webp": "image/webp",
	".avif": "image/avif", ".svg": "image/svg+xml", ".bmp": "image/bmp",
	".tif": "image/tiff", ".tiff": "image/tiff", ".ico": "image/x-icon",
	".heic": "image/heic",
	".mp3":  "audio/mpeg", ".m4a": "audio/mp4", ".aac": "audio/aac",
	".ogg": "audio/ogg", ".oga": "audio/ogg", ".opus": "audio/ogg",
	".wav": "audio/wav", ".flac": "audio/flac",
	".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm",
	".mov": "video/quicktime", ".ogv": "video/ogg", ".m3u8": "application/vnd.apple.mpegurl",
	".pdf": "application/pdf", ".zip": "application/zip",
	".doc": "application/msword", ".txt": "text/plain",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

// mimeType guesses the MIME type of the file at rawURL from its extension,
// returning def when the extension is unknown.
func mimeType(rawURL, def string) string {
	p := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		p = u.Path
	}
	if t, ok := mimeTypes[strings.ToLower(path.Ext(p))]; ok {
		return t
	}
	return def
}

// medium is the Media RSS medium of a MIME type.
func medium(mimeType string) string {
	switch {
	case strings.HasPrefix(mimeType, "image/"):
		return "image"
	case strings.HasPrefix(mimeType, "audio/"):
		return "audio"
	case strings.HasPrefix(mimeType, "video/"):
		return "video"
	default:
		return "document"
	}
}

// firstTime returns the first non-zero time, or the zero time.
func firstTime(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// rfc3339 formats t in UTC ("Z"), or "" when t is zero.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// rfc1123 formats t in UTC with a numeric offset ("+0000"), the form RSS
// best practices ask for, or "" when t is zero.
func rfc1123(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC1123Z)
}

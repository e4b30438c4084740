package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Format names used in URLs and Channel.FeedURLs.
const (
	FormatRSS  = "rss"
	FormatAtom = "atom"
	FormatJSON = "json"
)

// Formats lists the feed formats Render knows, in a fixed order.
func Formats() []string { return []string{FormatRSS, FormatAtom, FormatJSON} }

// ContentType returns the HTTP Content-Type of format, or "" when the
// format is unknown.
func ContentType(format string) string {
	switch format {
	case FormatRSS:
		return "application/rss+xml; charset=utf-8"
	case FormatAtom:
		return "application/atom+xml; charset=utf-8"
	case FormatJSON:
		return "application/feed+json; charset=utf-8"
	}
	return ""
}

// Render renders ch in format (FormatRSS, FormatAtom or FormatJSON).
// An unknown format yields an error wrapping feedsvc.ErrUnknownKind.
func Render(format string, ch *feedsvc.Channel) ([]byte, error) {
	switch format {
	case FormatRSS:
		return RSS(ch)
	case FormatAtom:
		return Atom(ch)
	case FormatJSON:
		return JSON(ch)
	}
	return nil, fmt.Errorf("render format %q: %w", format, feedsvc.ErrUnknownKind)
}

// marshalXML writes v as an indented UTF-8 XML document with a trailing
// newline. what names the format in errors.
func marshalXML(v any, what string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("render %s: %w", what, err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// marshalJSON writes v as indented JSON without HTML escaping (the
// content is HTML; \u003c escapes would only obscure it).
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("render json: %w", err)
	}
	return b.Bytes(), nil
}

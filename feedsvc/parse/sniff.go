package parse

import (
	"bytes"
	"regexp"
)

const sniffLen = 8 << 10 // the root element is near the start of any feed

var (
	jsonFeedRE = regexp.MustCompile(`"version"\s*:\s*"https?:\\?/\\?/jsonfeed\.org`)
	// An Atom or RSS root inside an (X)HTML wrapper still makes a feed.
	embeddedRE   = regexp.MustCompile(`<feed\s[^>]*xmlns\s*=\s*["']http://(?:www\.w3\.org/2005/Atom|purl\.org/atom/ns#)["']|<rss[\s>]`)
	jsonKeyRE    = regexp.MustCompile(`"version"\s*:`)
	jsonURLKeyRE = regexp.MustCompile(`"(?:home_page_url|feed_url)"\s*:`)
	nameRE       = regexp.MustCompile(`^<([A-Za-z_][\w.:-]*)`)
	subsetEndRE  = regexp.MustCompile(`\]\s*>`)
)

// IsFeed reports whether body (UTF-8) looks like an RSS, RDF, Atom or
// JSON Feed document rather than an HTML page. It reads only the start
// of the document.
func IsFeed(body []byte) bool {
	head := bytes.TrimPrefix(body[:min(len(body), sniffLen)], []byte("\uFEFF"))
	head = bytes.TrimSpace(head)
	if len(head) == 0 {
		return false
	}
	if head[0] == '{' {
		// "version" is required by JSON Feed; some feeds write "1.1"
		// instead of the spec URL but still name their home or feed URL.
		return jsonFeedRE.Match(head) || jsonKeyRE.Match(head) && jsonURLKeyRE.Match(head)
	}
	switch rootName(head) {
	case "rss", "rdf", "feed":
		return true
	case "html":
		return embeddedRE.Match(head)
	}
	return false
}

// rootName returns the lower-case local name of the first element,
// skipping the XML declaration, processing instructions, comments,
// DOCTYPE and whitespace.
func rootName(b []byte) string {
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		var end []byte
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(b, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(b, []byte("<!")):
			end = []byte(">")
			// A DOCTYPE's internal subset ([<!ENTITY …>]) holds '>'s of
			// its own: the declaration ends at "]" and then ">".
			if open, gt := bytes.IndexByte(b, '['), bytes.IndexByte(b, '>'); open >= 0 && (gt < 0 || open < gt) {
				loc := subsetEndRE.FindIndex(b[open:])
				if loc == nil {
					return ""
				}
				b = b[open+loc[1]:]
				continue
			}
		default:
			m := nameRE.FindSubmatch(b)
			if m == nil {
				return ""
			}
			name := m[1]
			if i := bytes.LastIndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			return string(bytes.ToLower(name))
		}
		i := bytes.Index(b, end)
		if i < 0 {
			return ""
		}
		b = b[i+len(end):]
	}
}

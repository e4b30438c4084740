package fetch

import (
	"bytes"
	"mime"
	"regexp"
	"strings"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// How far into a document declarations and sniffing look.
const (
	declScan  = 4 << 10  // XML declaration and HTML <meta> live in the head
	sniffScan = 64 << 10 // enough text for the statistical detector
)

var (
	xmlDeclRE = regexp.MustCompile(`<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']`)
	// Matches both <meta charset="x"> and the http-equiv form whose
	// content attribute holds "text/html; charset=x".
	metaRE = regexp.MustCompile(`(?i)<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)`)
	ctRE   = regexp.MustCompile(`(?i)charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)`)
)

// declaredLabel returns the charset named by the Content-Type header, else
// by the document's XML declaration or HTML <meta>, else "". A Latin
// header charset (iso-8859-1, windows-1252, us-ascii: the defaults many
// web servers add to every page) yields to a different charset the
// document itself declares.
func declaredLabel(body []byte, contentType string) string {
	header := headerLabel(contentType)
	head := body[:min(len(body), declScan)]
	doc := ""
	if m := xmlDeclRE.FindSubmatch(head); m != nil {
		doc = string(m[1])
	} else if m := metaRE.FindSubmatch(head); m != nil {
		doc = string(m[1])
	}
	if header != "" && !(isLatinDefault(header) && doc != "" && !strings.EqualFold(doc, header)) {
		return header
	}
	return doc
}

func headerLabel(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		return params["charset"]
	}
	if m := ctRE.FindStringSubmatch(contentType); m != nil {
		return m[1]
	}
	return ""
}

// isLatinDefault reports a label servers send by default.
func isLatinDefault(label string) bool {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "iso-8859-1", "iso8859-1", "latin1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii":
		return true
	}
	return false
}

// looksGB reports whether the non-ASCII bytes of b come almost all as
// GB2312 pairs (both bytes in 0xA1–0xFE), as Chinese text in GBK does and
// Latin text, whose accented letters stand alone, does not.
func looksGB(b []byte) bool {
	pairs, stray := 0, 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			continue
		}
		if c >= 0xA1 && c <= 0xFE && i+1 < len(b) && b[i+1] >= 0xA1 && b[i+1] <= 0xFE {
			pairs++
			i++
			continue
		}
		stray++
	}
	return pairs >= 8 && stray*20 <= pairs
}

// sniff guesses the encoding of undeclared, non-UTF-8 bytes with a
// statistical detector (ICU's algorithm). A guess is accepted only when it
// is confident and decodes without replacement characters; otherwise the
// bytes are read as windows-1252, which never fails and is what most
// undeclared legacy feeds are.
func sniff(body []byte) (encoding.Encoding, string) {
	sample := body[:min(len(body), sniffScan)]
	results, err := chardet.NewTextDetector().DetectAll(sample)
	if err == nil {
		for _, r := range results {
			if r.Confidence < 50 {
				break
			}
			if strings.EqualFold(r.Charset, "UTF-8") {
				continue
			}
			e, name := lookup(r.Charset)
			if e == nil || name == "utf-16le" || name == "utf-16be" {
				continue
			}
			if cleanDecode(e, sample) {
				return e, name
			}
		}
	}
	return charmap.Windows1252, "windows-1252"
}

// cleanDecode reports whether e decodes b without adding U+FFFD. A
// sample cut mid-character may end in one replacement, which is allowed.
func cleanDecode(e encoding.Encoding, b []byte) bool {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return false
	}
	added := bytes.Count(out, []byte("\uFFFD")) - bytes.Count(b, []byte("\uFFFD"))
	return added <= 0 || (added == 1 && len(b) == sniffScan)
}

package extract

import (
	"strings"
)

// evidence holds labelled-line hits by where they were found; the header
// zone (between headline and body) is trusted first, then lines removed
// from the body, then the lines after the body.
type evidence struct {
	header, body, tail []hit
	credits            []string // photo credits in body order
	dateline           []string // authors from the dateline parenthesis
}

// first returns the first value found for f.
func (e *evidence) first(f field) string {
	for _, zone := range [][]hit{e.header, e.body, e.tail} {
		for _, h := range zone {
			if h.f == f && h.v != "" {
				return h.v
			}
		}
	}
	return ""
}

// names returns the first name list found for f.
func (e *evidence) names(f field) []string {
	if v := e.first(f); v != "" {
		return strings.Split(v, "\x00")
	}
	return nil
}

// photographers lists photo credits in page order: header lines, body
// credits (captions, end credits), then the lines after the body.
func (e *evidence) photographers() []string {
	var out []string
	for _, h := range e.header {
		if h.f == fPhotographer {
			out = append(out, strings.Split(h.v, "\x00")...)
		}
	}
	out = append(out, e.credits...)
	for _, zone := range [][]hit{e.body, e.tail} {
		for _, h := range zone {
			if h.f == fPhotographer {
				out = append(out, strings.Split(h.v, "\x00")...)
			}
		}
	}
	return uniq(out)
}

// parseLines collects the hits of every line that is all metadata; on
// mixed lines only labelled segments count.
func parseLines(ls []line) []hit {
	var out []hit
	for _, l := range ls {
		hits, _ := parseLine(l.text)
		out = append(out, hits...)
	}
	return out
}

// datelineRe is the reporters' parenthesis that opens wire and newspaper
// copy: "（记者 陈思远 通讯员 刘晓静）", "(Daily - reporter X of Y)".
var datelineRe = labelRE(`(?i)[（(]([^（）()]{0,80}?(?:记者|通讯员|实习生|reporters?|correspondents?)[^（）()]{1,80})[)）]`)

// datelineAuthors reads authors from the first lines of the body.
func datelineAuthors(ls []line) []string {
	for i, l := range ls {
		if i >= 3 {
			break
		}
		if m := datelineRe.FindStringSubmatch(l.text); m != nil {
			if names := splitNames(m[1]); len(names) > 0 {
				return names
			}
		}
	}
	return nil
}

// bodyCredits lists photographers credited in the body lines, in order.
func bodyCredits(ls []line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, findCredits(l.text)...)
		if hits, ok := parseLine(l.text); ok {
			for _, h := range hits {
				if h.f == fPhotographer {
					out = append(out, strings.Split(h.v, "\x00")...)
				}
			}
		}
	}
	return out
}

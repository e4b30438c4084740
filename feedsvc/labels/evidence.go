package labels

import (
	"strings"
)

// Evidence holds labelled-line hits by where they were found; the header
// zone (between headline and body) is trusted first, then lines removed
// from the body, then the lines after the body.
type Evidence struct {
	Header, Body, Tail []Hit
	Credits            []string // photo credits in body order
	Dateline           []string // authors from the dateline parenthesis
}

// First returns the first value found for f.
func (e *Evidence) First(f Field) string {
	for _, zone := range [][]Hit{e.Header, e.Body, e.Tail} {
		for _, h := range zone {
			if h.Field == f && h.Value != "" {
				return h.Value
			}
		}
	}
	return ""
}

// Names returns the first name list found for f.
func (e *Evidence) Names(f Field) []string {
	if v := e.First(f); v != "" {
		return strings.Split(v, "\x00")
	}
	return nil
}

// Photographers lists photo credits in page order: header lines, body
// credits (captions, end credits), then the lines after the body.
func (e *Evidence) Photographers() []string {
	var out []string
	for _, h := range e.Header {
		if h.Field == Photographer {
			out = append(out, strings.Split(h.Value, "\x00")...)
		}
	}
	out = append(out, e.Credits...)
	for _, zone := range [][]Hit{e.Body, e.Tail} {
		for _, h := range zone {
			if h.Field == Photographer {
				out = append(out, strings.Split(h.Value, "\x00")...)
			}
		}
	}
	return people(out)
}

// people drops organisations from a name list ("新华社发", "中新社").
func people(names []string) []string {
	var out []string
	for _, n := range Uniq(names) {
		if !OrgLike(n) {
			out = append(out, n)
		}
	}
	return out
}

// datelineRe is the reporters' parenthesis that opens wire and newspaper
// copy: "（记者 陈思远 通讯员 刘晓静）", "(Daily - reporter X of Y)".
var datelineRe = Regexp(`(?i)[（(]([^（）()]{0,80}?(?:记者|通讯员|实习生|reporters?|correspondents?)[^（）()]{1,80}|\p{Han}{2,4}[／/]\p{Han}{1,10}(?:报道|报导))[)）]`)

// endBylineRe is the reporter's parenthesis that closes newspaper copy:
// "…死因。（王煌忠／台中報導）", "…。（钟才文）".
var endBylineRe = Regexp(`[。！？”」][（(]((?:记者)?\p{Han}{2,4}(?:[／/]\p{Han}{1,10}(?:报道|报导))?)[)）]$`)

// DatelineAuthors reads authors from the first lines of the body, else
// from the reporter's parenthesis closing one of its last lines.
func DatelineAuthors(lines []string) []string {
	for i, l := range lines {
		if i >= 3 {
			break
		}
		if m := datelineRe.FindStringSubmatch(l); m != nil {
			if names := Names(m[1]); len(names) > 0 {
				return names
			}
		}
		if m := placeByline.FindStringSubmatch(Clean(l)); m != nil {
			return []string{m[1]}
		}
	}
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-3; i-- {
		if m := endBylineRe.FindStringSubmatch(Clean(lines[i])); m != nil {
			if names := people(Names(m[1])); len(names) > 0 {
				return names
			}
		}
	}
	return nil
}

// BodyCredits lists photographers credited in the body lines, in order.
func BodyCredits(lines []string) []string {
	var out []string
	for _, l := range lines {
		out = append(out, Credits(l)...)
		if hits, ok := Line(l); ok {
			for _, h := range hits {
				if h.Field == Photographer {
					out = append(out, strings.Split(h.Value, "\x00")...)
				}
			}
		}
	}
	return out
}

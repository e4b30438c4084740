package labels

import (
	"regexp"
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

// People returns the people of the first hit for f that names any: a
// byline naming only a desk or an outlet ("By National Desk") gives way
// to a later one naming a person.
func (e *Evidence) People(f Field) []string {
	for _, zone := range [][]Hit{e.Header, e.Body, e.Tail} {
		for _, h := range zone {
			if h.Field != f || h.Value == "" {
				continue
			}
			if names := people(strings.Split(h.Value, "\x00")); len(names) > 0 {
				return names
			}
		}
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

// wireDateline is the parenthesis after a wire dateline naming its
// reporters: "新华社北京5月19日电（刘艺、杨吉）".
var wireDateline = Regexp(`^\p{Han}{2,12}\d{1,2}月\d{1,2}日电\s*[（(]([^（）()]{2,40})[)）]`)

// reporterLine is a line of its own naming the reporters after their
// outlet and role, without a space: "新华社记者邹多为、唐诗凝、丁乐".
var reporterLine = Regexp(`^[\p{Han}·•]{0,12}?(?:记者|通讯员)([\p{Han}、，,\s]{2,40})$`)

// DatelineAuthors reads authors from the first lines of the body, else
// from the reporter's parenthesis closing one of its last lines (a
// parenthesis naming the place reported from, "（王煌忠／台中報導）",
// anywhere in the body: furniture may follow it).
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
		c := Clean(l)
		if m := placeByline.FindStringSubmatch(c); m != nil {
			return []string{m[1]}
		}
		for _, re := range []*regexp.Regexp{wireDateline, reporterLine} {
			if m := re.FindStringSubmatch(c); m != nil {
				if names := people(Names(m[1])); len(names) > 0 {
					return names
				}
			}
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		l := Clean(lines[i])
		if i >= len(lines)-3 && closingByline.MatchString(l) {
			if names := people(Byline(l)); len(names) > 0 {
				return names // "-- By Michael Russell"
			}
		}
		m := endBylineRe.FindStringSubmatch(l)
		if m == nil {
			m = placeEndByline.FindStringSubmatch(l) // furniture may follow it on the line
		} else if i < len(lines)-3 && !strings.ContainsAny(m[1], "/／") {
			continue
		}
		if m == nil {
			continue
		}
		if names := people(Names(m[1])); len(names) > 0 {
			return names
		}
	}
	return nil
}

// closingNote is a bracketed note closing a body line that names the
// article's source or writer: "…正道上来。（本文来源：经济日报 作者：…徐占忱）".
var closingNote = Regexp(`[（(]([^（）()]*(?:来源|作者|编辑)[^（）()]*)[)）]\s*$`)

// ClosingNotes reads the notes that close the body on one of its last
// lines, lines that are not metadata as a whole (so the body keeps
// them): a labelled note in brackets at a line's end, or a line opening
// with a label ("Reporting by X; Additional reporting by …; Editing by
// Y"); their source, author and editor hits.
func ClosingNotes(lines []string) []Hit {
	var out []Hit
	for i := max(0, len(lines)-3); i < len(lines); i++ {
		l := Clean(lines[i])
		if m := closingNote.FindStringSubmatch(l); m != nil {
			hits, _ := Line(m[1])
			out = append(out, hits...)
		} else if opensWithLabel(l) {
			hits, _ := Line(l)
			out = append(out, hits...)
		}
	}
	return out
}

// opensWithLabel reports a line whose first segment opens with a
// source, author or editor label.
func opensWithLabel(l string) bool {
	segs := splitSegments(l)
	if len(segs) == 0 {
		return false
	}
	for _, r := range labelTable {
		if r.f == Source || r.f == Author || r.f == Editor {
			if r.find(segs[0]) != nil {
				return true
			}
		}
	}
	return false
}

// closingByline is an English byline closing the copy after a dash:
// "-- By Michael Russell", "— By Ada Lovelace".
var closingByline = regexp.MustCompile(`(?i)^[-–—]+\s*by\s+\p{Lu}`)

// placeEndByline is the reporter's parenthesis naming the place reported
// from after a sentence, wherever it stands: "…死因。（王煌忠／台中報導）".
var placeEndByline = Regexp(`[。！？”」][（(]((?:记者)?\p{Han}{2,4}[／/]\p{Han}{1,10}(?:报道|报导))[)）]`)

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

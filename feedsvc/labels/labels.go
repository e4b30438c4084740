package labels

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Field is an article Field a labelled line can fill.
type Field int

const (
	none Field = iota
	Source
	Author
	Photographer
	Editor
	Published
	Updated
	PrintTitle
	Kicker
	Subtitle
	chrome // page furniture with nothing to keep (字号, 打印, Share to)
	// spacedAuthor is an author label followed by a space alone ("作者
	// 王之言 高孜然"): its value must read as names, never as a pen name.
	spacedAuthor
)

// labelRule maps a label at the start of a line segment to a Field. The
// value is the rest of the segment.
type labelRule struct {
	re *regexp.Regexp
	f  Field
}

// labelTable is the data table of metadata labels; order matters only
// where two labels share a prefix (longest first).
var labelTable = []labelRule{
	{Regexp(`(?i)^(?:原标题|原题|original (?:title|headline))\s*[:：]\s*`), PrintTitle},
	{Regexp(`^(?:引题|肩题)\s*[:：]\s*`), Kicker},
	{Regexp(`^(?:副题|副标题)\s*[:：]\s*`), Subtitle},
	{Regexp(`(?i)^(?:本文来源|本稿来源|文章来源|消息来源|新闻来源|来源|稿源|出处|source)\s*[:：]\s*`), Source},
	{Regexp(`^(?:本文|本稿|文章)?来源于\s*`), Source},
	{Regexp(`(?i)^(?:责任编辑|责编|值班编辑|选稿|编辑|editor in charge|editor|responsible editor)\s*[:：]\s*`), Editor},
	{Regexp(`(?i)^(?:edited by|editing by|editor in charge)\s+`), Editor},
	{Regexp(`(?i)^(?:reporting|reported|additional reporting|writing|written) by\s+`), Author},
	{Regexp(`^(?:摄影|图片|摄)\s*[:：/]\s*`), Photographer},
	{Regexp(`(?i)^(?:photographers?|photos? by|photos?|pictures? by)\s*[:：/]\s*`), Photographer},
	{Regexp(`(?i)^(?:作者|撰文|文|author|authors|written by|by|reporters?)\s*[:：/]\s*`), Author},
	{Regexp(`^(?:作者|撰文)\s+`), spacedAuthor},
	// Without a colon a space must follow the role: "记者手记" is a heading.
	// An outlet may precede the role: "中青报·中青网记者 魏其濛".
	{Regexp(`^[\p{Han}·•]{0,12}?(?:记者|通讯员|实习生)(?:\s*[:：]\s*|\s+)`), Author},
	{Regexp(`^(?:[-–—]+\s*)?By\s+`), Author}, // "-- By X" closes some copy
	{Regexp(`(?i)^(?:更新时间|更新|修改时间|last updated|updated|modified|mis à jour|actualisé)\s*[:：]?\s*`), Updated},
	{Regexp(`(?i)^(?:发布时间|发表时间|发稿时间|发布日期|时间|日期|published|posted|date|publié|publicado)\s*[:：]?\s*`), Published},
	{Regexp(`(?i)^(?:字号|字体|打印|关闭|分享到|分享|收藏|纠错|浏览次数|阅读量?|点击数?|复制链接|大|中|小|font size|share to|share|print|close|large|medium|small)\s*[:：]?\s*$`), chrome},
	{Regexp(`(?i)^(?:字号|字体|浏览次数|阅读|点击|font size)\s*[:：]`), chrome},
	// Staff roles with nothing to keep: 策划：X, 校对：Y, 排版 Z.
	{Regexp(`^(?:策划|校对|排版|美编|监制|统筹|审核|终审|初审)\s*[:：]`), chrome},
}

// markerRule recognises a print-edition title part marked at the end of
// a line: "… (introduction)", "…（主题）".
var markerTable = []labelRule{
	{Regexp(`(?i)\s*[（(]\s*(?:introduction|intro|引题|肩题|kicker)\s*[)）]\s*$`), Kicker},
	{Regexp(`(?i)\s*[（(]\s*(?:theme|main title|主题|正题)\s*[)）]\s*$`), PrintTitle},
	{Regexp(`(?i)\s*[（(]\s*(?:subtitle|sub-title|副题|副标题)\s*[)）]\s*$`), Subtitle},
}

// Hit is one Field value found on a line.
type Hit struct {
	Field Field
	Value string
}

// segSep splits a metadata line into segments: hard whitespace (newline,
// tab, ideographic or no-break space, double spaces) and bars (|, ｜,
// and 丨, which sites print as one: "文丨X") or brackets.
var segSep = regexp.MustCompile(`[\t\n\r\x{3000}\x{a0}]+|\s{2,}|[|｜丨【】\[\];；]`)

// innerLabel finds a label that starts inside a segment after a space.
var innerLabel = regexp.MustCompile(`\s(?:\p{Han}{1,6}|[A-Z][A-Za-z]*(?: [a-z]+){0,2})\s*[:：]`)

// Line reads a line as metadata. It returns the hits in order and
// whether every segment was metadata (a line that may be removed).
func Line(raw string) ([]Hit, bool) {
	if cleanLonger(raw, cleanMax) {
		return nil, false // prose, not a metadata line
	}
	var atoms gateSet
	var seen *gateSet // the line's atoms: nil lets every rule try
	if gateLines {
		all, ok := lineAtoms(raw, &atoms)
		if !ok {
			return nil, false // no rule can match (gate.go)
		}
		if all {
			seen = &atoms
		}
	}
	if h, ok := markerLine(raw, seen); ok {
		return []Hit{h}, true
	}
	var hits []Hit
	all := true
	segs := splitSegments(raw)
	for i := 0; i < len(segs); i++ {
		seg := segs[i]
		bare := bareLabel(seg, seen)
		if bare == Author {
			// "本报记者  王乐文  方  敏": the names run to the next label.
			j := i + 1
			for j < len(segs) && bareLabel(segs[j], seen) == none {
				j++
			}
			if names := Names(strings.Join(segs[i+1:j], " ")); j > i+2 && len(names) > 0 {
				hits = append(hits, Hit{Author, strings.Join(names, "\x00")})
				i = j - 1
				continue
			}
		}
		if bare != none && i+1 < len(segs) {
			// "作者  王之言 高孜然", "来源 | 经济日报": the value is the next segment.
			if hs, ok := labelValue(bare, segs[i+1]); ok {
				hits = append(hits, hs...)
				i++
				continue
			}
		}
		hs, ok := parseSegment(seg, seen)
		hits = append(hits, hs...)
		all = all && ok
	}
	return hits, all && len(hits) > 0
}

// markerLine reads a print-title part: "Original title: X (introduction)".
func markerLine(raw string, seen *gateSet) (Hit, bool) {
	t := Clean(raw)
	if !strings.HasSuffix(t, ")") && !strings.HasSuffix(t, "）") {
		return Hit{}, false // every marker closes the line with a bracket
	}
	for _, m := range markerTable {
		if !ruleMay(m.re, seen) {
			continue
		}
		if loc := m.findMarker(t); loc != nil {
			v := labelTable[0].re.ReplaceAllString(t[:loc[0]], "")
			if v = Clean(v); v != "" {
				return Hit{m.f, v}, true
			}
		}
	}
	return Hit{}, false
}

// findMarker is m.re.FindStringIndex(t) for a markerTable rule. A
// marker is a bracketed word closing the line, with no opening bracket
// after its own, so a match starts at the white space before the last
// opening bracket of t: the regexp reads only that tail instead of
// being tried at every position of the line.
func (m labelRule) findMarker(t string) []int {
	open := max(strings.LastIndexByte(t, '('), strings.LastIndex(t, "（"))
	if open < 0 {
		return nil
	}
	for open > 0 && isPerlSpace(t[open-1]) {
		open--
	}
	loc := m.re.FindStringIndex(t[open:])
	if loc == nil {
		return nil
	}
	return []int{loc[0] + open, loc[1] + open}
}

// isPerlSpace reports a byte RE2's \s matches.
func isPerlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// splitSegments cuts a line at hard separators and before inner labels.
func splitSegments(raw string) []string {
	var out []string
	for _, seg := range splitHard(raw) {
		seg = Clean(seg)
		for seg != "" {
			var loc []int
			if strings.ContainsAny(seg, ":：") && strings.ContainsAny(seg, " \t\n\f\r") { // innerLabel: \s, then a colon
				loc = innerLabel.FindStringIndex(seg)
			}
			if loc == nil || loc[0] == 0 {
				out = append(out, seg)
				break
			}
			out = append(out, Clean(seg[:loc[0]]))
			seg = Clean(seg[loc[0]:])
		}
	}
	return out
}

// parseSegment reads one segment: a label and its value, a date, a
// photo credit ("X 摄"), a byline, or page furniture. seen are the
// line's atoms (lineAtoms).
func parseSegment(seg string, seen *gateSet) ([]Hit, bool) {
	if seg == "" {
		return nil, true
	}
	if inner, ok := bracketed(seg); ok {
		seg = inner // "（原标题：…）", "(Source: …)"
	}
	if t := strings.TrimRight(seg, "。.）)】] "); strings.HasSuffix(t, "摄") || strings.HasSuffix(t, "攝") {
		if names := creditNames(seg, true); len(names) > 0 {
			return []Hit{{Photographer, strings.Join(names, "\x00")}}, true
		}
	}
	for _, r := range labelTable {
		if !ruleMay(r.re, seen) {
			continue
		}
		loc := r.findFirst(seg) // first.go
		if loc == nil {
			continue
		}
		return labelValue(r.f, seg[loc[1]:])
	}
	if d, ok := onlyDate(seg, 2); ok {
		return []Hit{{Published, d.Canonical()}}, true
	}
	if loc := laterUpdate.FindStringSubmatchIndex(seg); loc != nil && loc[0] > 0 {
		// "on December 27, 2014 at 12:06 PM, updated December 27, 2014 at 12:10 PM"
		if d, ok := onlyDate(seg[:loc[0]], 3); ok {
			hits := []Hit{{Published, d.Canonical()}}
			if up, ok := labelValue(Updated, seg[loc[2]:]); ok {
				hits = append(hits, up...)
			}
			return hits, true
		}
	}
	if names := creditNames(seg, true); len(names) > 0 {
		return []Hit{{Photographer, strings.Join(names, "\x00")}}, true // Photo: X
	}
	return nil, false
}

// bareTable are labels that may stand alone in their segment, the value
// following after a wide space or a bar.
var bareTable = []labelRule{
	{Regexp(`^(?:(?:本文|本稿|文章)?来源于?|稿源|出处)$`), Source},
	{Regexp(`^(?:作者|撰文|文|(?:本报|新华社|特约|见习|实习)?记者)$`), Author},
	{Regexp(`(?i)^(?:by|authors?|written by)$`), Author},
	{Regexp(`^(?:责任编辑|责编|编辑|选稿)$`), Editor},
	{Regexp(`^(?:策划|校对|排版|美编|监制|统筹|审核|终审|初审)$`), chrome},
}

// bareLabel returns the field of a segment that is a label alone; seen
// are the line's atoms (lineAtoms).
func bareLabel(seg string, seen *gateSet) Field {
	seg = strings.TrimRight(Clean(seg), ":：/")
	for _, r := range bareTable {
		if ruleMay(r.re, seen) && r.matchFirst(seg) { // first.go
			return r.f
		}
	}
	return none
}

// sourceLead is a leading word that marks a compiled source: "综合 X、Y".
var sourceLead = guard(Regexp(`^(?:综合自?|整合自?|转自|转载自)\s*`))

// placeByline is a reporter's line naming the place reported from:
// "記者林悅／南市報導", "王煌忠／台中報導". DatelineAuthors reads it; the
// line stays in the text as the paper prints it.
var placeByline = Regexp(`^(?:记者\s*)?(\p{Han}{2,4})\s*[／/]\s*\p{Han}{1,10}(?:报道|报导)$`)

// sourceNote is a parenthesis closing a source value.
var sourceNote = guard(regexp.MustCompile(`\s*[（(][^（）()]*[）)]?$`))

// bookQuotes drops the book-title quotes around a source's name.
var bookQuotes = strings.NewReplacer("《", "", "》", "")

// labelValue validates a label's value; names must look like names and a
// date value must hold a date.
func labelValue(f Field, v string) ([]Hit, bool) {
	v = strings.Trim(Clean(v), "《》<>“”\"'()（）:：")
	if f == Source {
		v = Clean(bookQuotes.Replace(sourceLead.ReplaceAllString(v, "")))
		v = sourceNote.ReplaceAllString(v, "") // "21世纪经济报道(广州)": the bureau
	}
	var hits []Hit
	if f != Published && f != Updated && f != chrome {
		if d := FindDate(v); d.Raw != "" {
			hits = append(hits, Hit{Published, d.Canonical()})
			v = Clean(strings.Replace(v, d.Raw, "", 1))
		}
	}
	switch f {
	case spacedAuthor:
		names := Names(v)
		if len(names) == 0 {
			return hits, false
		}
		return append(hits, Hit{Author, strings.Join(names, "\x00")}), true
	case chrome:
		return hits, true
	case Published, Updated:
		if loc := laterUpdate.FindStringSubmatchIndex(v); f == Published && loc != nil {
			// "Publié le 07 mai 2019 à 13h59 - Mis à jour le 08 mai 2019 à 09h03"
			if up, ok := labelValue(Updated, v[loc[2]:]); ok {
				hits = append(hits, up...)
			}
			v = v[:loc[0]]
		}
		d := FindDate(v)
		if d.Raw == "" {
			if c := yearlessDate(v); c != "" {
				return append(hits, Hit{f, c}), true // "Updated on September 19 at 3:15 p.m."
			}
			return nil, false
		}
		return append(hits, Hit{f, d.Canonical()}), true
	case Author, Photographer, Editor:
		names := Names(v)
		if f == Author && len(names) == 0 && hanShare(v) < 0.5 {
			names = Byline(v) // "Michael Russell Follow @tdmrussell"
		}
		if len(names) == 0 {
			names = affiliatedName(v) // "…研究部部长、研究员徐占忱"
		}
		if len(names) == 0 && f != Photographer {
			names = penName(v)
		}
		if len(names) == 0 {
			return hits, false
		}
		for i, n := range names {
			names[i] = titleCaps(n) // "By PHILLIP RAWLS"
		}
		return append(hits, Hit{f, strings.Join(names, "\x00")}), true
	}
	if v == "" || runeLen(v) > 80 {
		return hits, false
	}
	return append(hits, Hit{f, v}), true
}

// IsMeta reports whether the whole line is metadata.
func IsMeta(raw string) bool {
	_, ok := Line(raw)
	return ok
}

// bracketed returns the inside of a segment wrapped in one pair of
// round brackets.
func bracketed(seg string) (string, bool) {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasPrefix(seg, p[0]) && strings.HasSuffix(seg, p[1]) {
			inner := seg[len(p[0]) : len(seg)-len(p[1])]
			if !strings.ContainsAny(inner, "()（）") {
				return Clean(inner), true
			}
		}
	}
	return seg, false
}

// labelSpan bounds the bytes a labelTable rule matches in a cleaned
// segment (the longest label is under 30 characters; (?i) may fold an
// ASCII letter to a 3-byte one).
const labelSpan = 128

// find is r.re.FindStringIndex(seg) for a cleaned segment. Every rule is
// anchored at the start, and Go's backtracker clears a bitmap as long as
// its input for each try, so a long segment is first tried on its head:
// no match there means no match at all.
func (r labelRule) find(seg string) []int {
	if len(seg) > labelSpan {
		head := labelSpan
		for head > 0 && !utf8.RuneStart(seg[head]) {
			head--
		}
		if strings.HasSuffix(r.re.String(), "$") || !r.re.MatchString(seg[:head]) {
			return nil // a whole-line rule cannot span a segment this long
		}
	}
	return r.re.FindStringIndex(seg)
}

// splitHard is segSep.Split(raw, -1), without running the regexp on
// lines that hold no separator at all (most prose).
func splitHard(raw string) []string {
	if !hasHardSep(raw) {
		return []string{raw}
	}
	return segSep.Split(raw, -1)
}

// hasHardSep reports a character segSep matches on its own, or two ASCII
// white-space characters in a row (\s{2,}).
func hasHardSep(s string) bool {
	prev := false
	for _, r := range s {
		switch r {
		case '\t', '\n', '\r', '\u3000', '\u00a0', '|', '｜', '丨', '【', '】', '[', ']', ';', '；':
			return true
		}
		sp := r == ' ' || r == '\f'
		if sp && prev {
			return true
		}
		prev = sp
	}
	return false
}

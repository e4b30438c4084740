package extract

import (
	"regexp"
	"strings"
)

// field is an article field a labelled line can fill.
type field int

const (
	fNone field = iota
	fSource
	fAuthor
	fPhotographer
	fEditor
	fPublished
	fUpdated
	fPrintTitle
	fKicker
	fSubtitle
	fChrome // page furniture with nothing to keep (字号, 打印, Share to)
)

// labelRule maps a label at the start of a line segment to a field. The
// value is the rest of the segment.
type labelRule struct {
	re *regexp.Regexp
	f  field
}

// labelTable is the data table of metadata labels; order matters only
// where two labels share a prefix (longest first).
var labelTable = []labelRule{
	{labelRE(`(?i)^(?:原标题|原题|original (?:title|headline))\s*[:：]\s*`), fPrintTitle},
	{labelRE(`^(?:引题|肩题)\s*[:：]\s*`), fKicker},
	{labelRE(`^(?:副题|副标题)\s*[:：]\s*`), fSubtitle},
	{labelRE(`(?i)^(?:本文来源|本稿来源|文章来源|消息来源|新闻来源|来源|稿源|出处|source)\s*[:：]\s*`), fSource},
	{labelRE(`(?i)^(?:责任编辑|责编|值班编辑|编辑|editor in charge|editor|responsible editor)\s*[:：]\s*`), fEditor},
	{labelRE(`(?i)^(?:edited by|editing by|editor in charge)\s+`), fEditor},
	{labelRE(`(?i)^(?:reporting|reported|additional reporting|writing|written) by\s+`), fAuthor},
	{labelRE(`^(?:摄影|图片|摄)\s*[:：/]\s*`), fPhotographer},
	{labelRE(`(?i)^(?:photographers?|photos? by|photos?|pictures? by)\s*[:：/]\s*`), fPhotographer},
	{labelRE(`(?i)^(?:作者|撰文|文|author|authors|written by|reporters?)\s*[:：/]\s*`), fAuthor},
	// Without a colon a space must follow the role: "记者手记" is a heading.
	{labelRE(`^(?:本报|新华社|特约|见习|实习)?(?:记者|通讯员|实习生)(?:\s*[:：]\s*|\s+)`), fAuthor},
	{labelRE(`^By\s+`), fAuthor},
	{labelRE(`(?i)^(?:更新时间|更新|修改时间|last updated|updated|modified)\s*[:：]?\s*`), fUpdated},
	{labelRE(`(?i)^(?:发布时间|发表时间|发稿时间|发布日期|时间|日期|published|posted|date)\s*[:：]?\s*`), fPublished},
	{labelRE(`(?i)^(?:字号|字体|打印|关闭|分享到|分享|收藏|纠错|浏览次数|阅读量?|点击数?|复制链接|大|中|小|font size|share to|share|print|close|large|medium|small)\s*[:：]?\s*$`), fChrome},
	{labelRE(`(?i)^(?:字号|字体|浏览次数|阅读|点击|font size)\s*[:：]`), fChrome},
}

// markerRule recognises a print-edition title part marked at the end of
// a line: "… (introduction)", "…（主题）".
var markerTable = []labelRule{
	{labelRE(`(?i)\s*[（(]\s*(?:introduction|intro|引题|肩题|kicker)\s*[)）]\s*$`), fKicker},
	{labelRE(`(?i)\s*[（(]\s*(?:theme|main title|主题|正题)\s*[)）]\s*$`), fPrintTitle},
	{labelRE(`(?i)\s*[（(]\s*(?:subtitle|sub-title|副题|副标题)\s*[)）]\s*$`), fSubtitle},
}

// hit is one field value found on a line.
type hit struct {
	f field
	v string
}

// segSep splits a metadata line into segments: hard whitespace (newline,
// tab, ideographic or no-break space, double spaces) and bars/brackets.
var segSep = regexp.MustCompile(`[\t\n\r\x{3000}\x{a0}]+|\s{2,}|[|｜【】\[\];；]`)

// innerLabel finds a label that starts inside a segment after a space.
var innerLabel = regexp.MustCompile(`\s(?:\p{Han}{1,6}|[A-Z][A-Za-z]*(?: [a-z]+){0,2})\s*[:：]`)

// parseLine reads a line as metadata. It returns the hits in order and
// whether every segment was metadata (a line that may be removed).
func parseLine(raw string) ([]hit, bool) {
	if runeLen(clean(raw)) > 240 {
		return nil, false
	}
	if h, ok := markerLine(raw); ok {
		return []hit{h}, true
	}
	var hits []hit
	all := true
	for _, seg := range splitSegments(raw) {
		hs, ok := parseSegment(seg)
		hits = append(hits, hs...)
		all = all && ok
	}
	return hits, all && len(hits) > 0
}

// markerLine reads a print-title part: "Original title: X (introduction)".
func markerLine(raw string) (hit, bool) {
	t := clean(raw)
	for _, m := range markerTable {
		if loc := m.re.FindStringIndex(t); loc != nil {
			v := labelTable[0].re.ReplaceAllString(t[:loc[0]], "")
			if v = clean(v); v != "" {
				return hit{m.f, v}, true
			}
		}
	}
	return hit{}, false
}

// splitSegments cuts a line at hard separators and before inner labels.
func splitSegments(raw string) []string {
	var out []string
	for _, seg := range segSep.Split(raw, -1) {
		seg = clean(seg)
		for seg != "" {
			loc := innerLabel.FindStringIndex(seg)
			if loc == nil || loc[0] == 0 {
				out = append(out, seg)
				break
			}
			out = append(out, clean(seg[:loc[0]]))
			seg = clean(seg[loc[0]:])
		}
	}
	return out
}

// parseSegment reads one segment: a label and its value, a date, a
// photo credit ("X 摄"), a byline, or page furniture.
func parseSegment(seg string) ([]hit, bool) {
	if seg == "" {
		return nil, true
	}
	if inner, ok := bracketed(seg); ok {
		seg = inner // "（原标题：…）", "(Source: …)"
	}
	if t := strings.TrimRight(seg, "。.）)】] "); strings.HasSuffix(t, "摄") || strings.HasSuffix(t, "攝") {
		if names := creditNames(seg, true); len(names) > 0 {
			return []hit{{fPhotographer, strings.Join(names, "\x00")}}, true
		}
	}
	for _, r := range labelTable {
		loc := r.re.FindStringIndex(seg)
		if loc == nil {
			continue
		}
		return labelValue(r.f, seg[loc[1]:])
	}
	if d := findDate(seg); d.raw != "" && runeLen(clean(strings.Replace(seg, d.raw, "", 1))) <= 2 {
		return []hit{{fPublished, d.canonical()}}, true
	}
	if names := creditNames(seg, true); len(names) > 0 {
		return []hit{{fPhotographer, strings.Join(names, "\x00")}}, true // Photo: X
	}
	return nil, false
}

// labelValue validates a label's value; names must look like names and a
// date value must hold a date.
func labelValue(f field, v string) ([]hit, bool) {
	v = strings.Trim(clean(v), "《》<>“”\"'()（）:：")
	var hits []hit
	if f != fPublished && f != fUpdated && f != fChrome {
		if d := findDate(v); d.raw != "" {
			hits = append(hits, hit{fPublished, d.canonical()})
			v = clean(strings.Replace(v, d.raw, "", 1))
		}
	}
	switch f {
	case fChrome:
		return hits, true
	case fPublished, fUpdated:
		d := findDate(v)
		if d.raw == "" {
			return nil, false
		}
		return append(hits, hit{f, d.canonical()}), true
	case fAuthor, fPhotographer, fEditor:
		names := splitNames(v)
		if len(names) == 0 {
			return hits, false
		}
		return append(hits, hit{f, strings.Join(names, "\x00")}), true
	}
	if v == "" || runeLen(v) > 80 {
		return hits, false
	}
	return append(hits, hit{f, v}), true
}

// isMetaLine reports whether the whole line is metadata.
func isMetaLine(raw string) bool {
	_, ok := parseLine(raw)
	return ok
}

// bracketed returns the inside of a segment wrapped in one pair of
// round brackets.
func bracketed(seg string) (string, bool) {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasPrefix(seg, p[0]) && strings.HasSuffix(seg, p[1]) {
			inner := seg[len(p[0]) : len(seg)-len(p[1])]
			if !strings.ContainsAny(inner, "()（）") {
				return clean(inner), true
			}
		}
	}
	return seg, false
}

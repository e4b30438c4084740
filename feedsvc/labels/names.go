package labels

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// roleWords are job titles that precede names in bylines; an outlet
	// or a post may stand before a Chinese one (本报记者, 驻京记者).
	roleWords = &roleMatcher{guard(Regexp(`(?i)(?:` + strings.Join(rolePosts, "|") + `|驻\p{Han}{1,4})?(?:` +
		strings.Join(roleTitles, "|") + `)|\b(?:staff |special |senior )?(?:reporters?|correspondents?|writers?)\b|^\s*(?:by|par|por|von)\b`))}
	// rolePosts and roleTitles are the Chinese words of roleWords.
	rolePosts  = []string{"本报", "新华社", "央视", "人民网", "特派", "特约", "见习", "实习"}
	roleTitles = []string{"记者", "通讯员", "实习生", "编辑", "评论员", "撰稿人"}
	// nameTail cuts "of Network", "for Daily" and organisation tails.
	nameTail = guard(regexp.MustCompile(`(?i)\s+(?:of|for|from|at)\s+.*$|[（(].*$`))
	hanSplit = splitter(Regexp(`[\s、，,；;/／|及和与]+`))
	// reportPlace is the place part of a dateline byline: "桃園機場報導".
	reportPlace = guard(Regexp(`^\p{Han}{0,10}(?:报道|报导|电|讯)$`))
	latSplit    = regexp.MustCompile(`(?i)\s*(?:,|、|，|;|；|&|/|\band\b)\s*`)
	// hanName is a Chinese name: 2-4 characters, or a transliterated name
	// joined by middle dots (阿依古丽·买买提).
	hanName = regexp.MustCompile(`^(?:\p{Han}{2,4}|\p{Han}{1,8}(?:[·•]\p{Han}{1,8}){1,2})$`)
	// latName is a Latin name; lower-case particles (de, van, al-) may
	// stand between capitalised words: "Lisa de Moraes".
	latName = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|di|du|del|der|den|van|von|la|le|bin|ibn|al|el)\s+)*\p{Lu}[\p{L}'’.-]*){0,4}$`)
)

// Names reads a byline value into names: role words are dropped,
// Chinese names split on spaces and 、, Latin names on commas and "and".
// cmsCode is a staff code some CMSs append to names: "李四_NE0011".
var cmsCode = guard(regexp.MustCompile(`[_＿][A-Za-z]{1,5}\d{2,}$`))

// staffCode is a CMS staff code standing after a name: "杜智 PX209".
var staffCode = regexp.MustCompile(`^[A-Z]{1,4}\d{2,}$`)

// isStaffCode is staffCode.MatchString(s), read by hand: it runs on
// every name part.
func isStaffCode(s string) bool {
	i := 0
	for i < len(s) && 'A' <= s[i] && s[i] <= 'Z' {
		i++
	}
	j := i
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	return 1 <= i && i <= 4 && j-i >= 2 && j == len(s)
}

// isHanName is hanName.MatchString(s), read by hand: one to three runs
// of Han characters joined by middle dots, 2-4 characters when there is
// one run, 1-8 in each run otherwise.
func isHanName(s string) bool {
	runs, n := 1, 0 // runs so far, characters in the current one
	for _, r := range s {
		switch {
		case r == '·' || r == '•':
			if n < 1 || n > 8 {
				return false
			}
			runs, n = runs+1, 0
		case unicode.Is(unicode.Han, r):
			n++
		default:
			return false
		}
	}
	if runs == 1 {
		return 2 <= n && n <= 4
	}
	return runs <= 3 && 1 <= n && n <= 8
}

// penName accepts a labelled value that is one short token without
// sentence punctuation as a pen name ("几乎不流浪", "好看的hk"); the
// label vouches for it.
func penName(v string) []string {
	v = strings.TrimSpace(cmsCode.ReplaceAllString(Clean(v), ""))
	if v == "" || runeLen(v) > 10 || strings.ContainsAny(v, " ，。,.；;：:！？!?（）()《》") || OrgLike(v) {
		return nil
	}
	return []string{v}
}

// PenName is v as a pen name when a byline element or a label vouches
// for it: one short token without sentence punctuation ("私~川流").
func PenName(v string) []string { return penName(v) }

func Names(v string) []string {
	v = Clean(v)
	if loc := roleWords.FindStringIndex(v); loc != nil {
		if loc[0] > 0 && (hanShare(v) < 0.5 || hanBefore(v, loc[0])) {
			// "Workers' Daily - reporter X", "政能亮特约评论员 韩涵": the part
			// before the role is the outlet.
			v = v[loc[0]:]
		}
		v = Clean(roleWords.ReplaceAllString(v, " ")) // no match, nothing to replace
	}
	v = Clean(nameTail.ReplaceAllString(v, ""))
	v = strings.Trim(v, "-–—:：/ ")
	if v == "" {
		return nil
	}
	var parts []string
	if hanShare(v) >= 0.5 {
		parts = joinSingles(hanSplit.Split(v, -1))
	} else {
		parts = latSplit.Split(v, -1)
	}
	var out []string
	for _, p := range parts {
		p = strings.Trim(Clean(cmsCode.ReplaceAllString(p, "")), ".-–— ")
		if p == "" || isStaffCode(p) || len(out) > 0 && reportPlace.MatchString(p) {
			continue
		}
		if !isHanName(p) && !latName.MatchString(p) {
			return nil
		}
		out = append(out, p)
	}
	return Uniq(out)
}

// affiliation is a writer's affiliation and title written before the
// name: "中国国际经济交流中心世界经济研究部部长、研究员徐占忱".
var affiliation = Regexp(`^[^。！？]{2,60}?(?:研究员|教授|讲师|部长|主任|院长|所长|主编|总编辑|博士|律师|分析师|经济学家|董事长|总经理|总监|理事长|会长|秘书长)(\p{Han}{2,3})$`)

// affiliatedName is the name at the end of a labelled value that gives
// the writer's affiliation first; nil when v has none.
func affiliatedName(v string) []string {
	if m := affiliation.FindStringSubmatch(Clean(v)); m != nil && !OrgLike(m[1]) {
		return []string{m[1]}
	}
	return nil
}

// hanBefore reports a Han character just before byte offset i of v: an
// outlet's name written against the role that follows it.
func hanBefore(v string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(v[:i])
	return unicode.Is(unicode.Han, r)
}

// creditBoundary ends the text before a "摄" credit.
var creditBoundary = regexp.MustCompile(`.*(?:[。！？；;：:（(【\[]|[\x{3000}\x{a0}]|\s{2,})`)

// notCreditBefore are characters that make 摄 part of a word (拍摄, 航摄).
const notCreditBefore = "拍航抓自所跟特编"

// creditNames reads a photo credit segment: "本报记者 陈思远 摄",
// "李堃/摄", "摄影：X", "Photographer/X and Y", "Photo: X".
// With whole set the segment must be the credit alone; otherwise the
// credit may close a longer clause (a caption sentence).
func creditNames(s string, whole bool) []string {
	s = Clean(s)
	if strings.ContainsAny(s, "/:：") { // photoLabel needs a separator
		if m := photoLabel.FindStringSubmatch(s); m != nil {
			return Names(m[1])
		}
	}
	t := strings.TrimRight(s, "。.）)】] ")
	suffix := "摄"
	if strings.HasSuffix(t, "攝") {
		suffix = "攝"
	} else if !strings.HasSuffix(t, "摄") {
		return nil
	}
	t = strings.TrimSuffix(strings.TrimRight(strings.TrimSuffix(t, suffix), " /"), "/")
	if r := []rune(t); len(r) == 0 || strings.ContainsRune(notCreditBefore, r[len(r)-1]) {
		return nil
	}
	if loc := creditBoundary.FindStringIndex(t); loc != nil && !whole {
		t = t[loc[1]:]
	}
	if runeLen(t) > 30 {
		return nil
	}
	return Names(t)
}

// photoLabel is a labelled photo credit anywhere in a segment.
var photoLabel = guard(Regexp(`(?i)^[（(]?\s*(?:photographers?|photos? by|photos?|摄影|图片|图)\s*[/:：]\s*([^()（）]+?)\s*[)）]?\s*$`))

// Credits returns photographers credited anywhere in a paragraph:
// trailing "X 摄" after a sentence, or "(Photographer/X)".
func Credits(text string) []string {
	var out []string
	for _, part := range creditSplit.Split(text, -1) {
		out = append(out, creditNames(part, false)...)
	}
	return out
}

// creditSplit separates candidate credit clauses in running text.
var creditSplit = regexp.MustCompile(`[。！？!?]\s*|\.\s+|[\x{3000}\x{a0}]+|\s{2,}|[（(]|[)）]`)

// orgSuffix ends names of organisations: news agencies, papers, sites,
// stations, magazines, groups, channels (Simplified and Traditional).
var orgSuffix = Regexp(`(?:社|报|報|网|網|台|日报|日報|新闻|新聞|晚报|晚報|电视台|電視台|杂志|雜誌|集团|集團|频道|頻道|财经|財經|周刊|週刊|中心|公司|研究院|办公室|委员会|政府|局|厅|部|版)(?:发|發|讯|訊)?$`)

// orgWord names an organisation in Latin script.
var orgWord = Regexp(`(?i)\b(?:news|press|associated press|reuters|staff|agency|times|post|daily|journal|magazine|media|network|newsroom|today|images|pictures|photos?|getty|courtesy|handout|studios?|navy|army|police|archives?|universal|editorial|wire|online|inc|ltd|llc|corp|bureau|desk|team)\b`)

// notAName are bylines that stand for no person: the site itself,
// "compiled", "unknown", "anonymous".
var notAName = map[string]bool{"本网": true, "本站": true, "本报": true, "整合": true, "综合": true, "未知": true,
	"佚名": true, "匿名": true, "网友": true, "小编": true, "原创": true, "本网站": true, "摄影报道": true, "报道": true}

// OrgLike reports whether a name in a byline names an organisation or
// stands for no person: 新华社, 每日经济新闻, 香港電台-財經, "ABC News",
// "Associated Press", an all-capitals acronym (AP, CNN), 本网, 未知.
func OrgLike(n string) bool {
	n = Clean(n)
	if n == "" || notAName[n] {
		return true
	}
	if hanShare(n) >= 0.5 {
		return runeLen(n) >= 3 && orgSuffix.MatchString(n) || strings.ContainsAny(n, "-–—")
	}
	if acronym.MatchString(n) {
		return true
	}
	return orgWord.MatchString(n)
}

// Organisation reports whether a byline names an organisation that can
// stand as the article's source (新华社, AP), not a word standing for no
// one (本网, 未知).
func Organisation(n string) bool {
	n = Clean(n)
	return !notAName[n] && OrgLike(n) && !orgWordOnly.MatchString(n)
}

// orgWordOnly is a generic desk word that names no outlet.
var orgWordOnly = Regexp(`(?i)^(?:staff|editorial|newsroom|desk|team|wire|online|news)$`)

// acronym is an all-capitals short name (AP, CNN, AFP, DEADLINE).
var acronym = regexp.MustCompile(`^[A-Z][A-Z&.]{1,9}$`)

// creditLabel opens a photo credit: "Photograph: ", "Photo by ", "(Photo: ".
var creditLabel = Regexp(`(?i)^[（(]?\s*(?:photograph(?:ed)?|photos?|pictures?|image|credit|摄影|图片|图)\s*(?:by\b|[:：/])\s*`)

// agencyTail ends a credit at the agency: "X/AP Photo", "X / Reuters",
// "X, National Geographic Creative", "X for the Guardian".
var agencyTail = regexp.MustCompile(`(?i)\s*(?:[/,]|\bfor\s+the\b|\bvia\b).*$`)

// PhotoCredit reads a photo credit element or the credit that closes a
// caption: "Photograph: Stephanie Keith/Reuters", "Evan Vucci/AP Photo",
// "… neighborhood. (Rashid Umar Abbasi / Reuters)", "(Photo: X)".
// inCredit tells that the text is a credit element's whole text; a
// caption only yields a labelled or agency-marked credit at its end.
func PhotoCredit(text string, inCredit bool) []string {
	t := Clean(text)
	if i := strings.LastIndexAny(t, "(（"); !inCredit && i >= 0 && strings.HasSuffix(strings.TrimRight(t, "。. "), ")") {
		t = strings.Trim(t[i:], "()（）。. ")
	} else if !inCredit {
		// "… Photograph: X/Agency" at the end of a caption.
		loc := creditInside.FindStringIndex(t)
		if loc == nil {
			return nil
		}
		t = t[loc[0]:]
	}
	labelled := creditLabel.MatchString(t)
	t = creditLabel.ReplaceAllString(t, "")
	if !labelled && !inCredit && !strings.ContainsAny(t, "/") {
		return nil
	}
	t = strings.Trim(agencyTail.ReplaceAllString(t, ""), " ()（）")
	if t == "" || hanShare(t) >= 0.5 || runeLen(t) > 40 {
		return nil
	}
	var out []string
	for _, n := range Names(t) {
		if !OrgLike(n) {
			out = append(out, n)
		}
	}
	return out
}

// creditInside finds a labelled credit inside a caption.
var creditInside = Regexp(`(?i)\b(?:photograph|photo)\s*(?:by\b|:)`)

// joinSingles joins runs of one-character parts: a name spaced out to
// the width of three characters ("方  敏") is one name.
func joinSingles(parts []string) []string {
	var out []string
	run := ""
	for _, p := range parts {
		if runeLen(p) == 1 && hanShare(p) == 1 {
			run += p
			continue
		}
		if run != "" {
			out = append(out, run)
			run = ""
		}
		out = append(out, p)
	}
	if run != "" {
		out = append(out, run)
	}
	return out
}

// roleMatcher is roleWords, read by hand in text without an ASCII
// letter (Chinese bylines), where only its Chinese branch can match:
// the regexp tries its many branches at every position of the text.
type roleMatcher struct{ *guarded }

func (m *roleMatcher) FindStringIndex(s string) []int {
	if hasASCIILetter(s) {
		return m.guarded.FindStringIndex(s)
	}
	if i, j := hanRole(s, 0); i >= 0 {
		return []int{i, j}
	}
	return nil
}

func (m *roleMatcher) ReplaceAllString(s, repl string) string {
	if hasASCIILetter(s) {
		return m.guarded.ReplaceAllString(s, repl)
	}
	var b strings.Builder
	last := 0
	for i, j := hanRole(s, 0); i >= 0; i, j = hanRole(s, j) {
		b.WriteString(s[last:i])
		b.WriteString(repl)
		last = j
	}
	if last == 0 {
		return s // no match
	}
	b.WriteString(s[last:])
	return b.String()
}

// hasASCIILetter reports an ASCII letter in s; each English branch of
// roleWords needs some (ſ and the Kelvin sign fold to s and k, but no
// English role word is made of those alone).
func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// roleFirst are the characters a match of roleWords' Chinese branch
// starts with, in both scripts.
var roleFirst = func() map[rune]bool {
	m := map[rune]bool{}
	for _, w := range append(append([]string{"驻"}, rolePosts...), roleTitles...) {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
		for _, t := range traditional[r] {
			m[t] = true
		}
	}
	return m
}()

// hanRole is the leftmost match of roleWords' Chinese branch in s at or
// after byte from, in the regexp's order of preference: a post (in the
// table's order, then 驻 and one to four Han characters, the most
// first) before a title, else the title alone; i is -1 when there is
// none.
func hanRole(s string, from int) (i, j int) {
	for i = from; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if roleFirst[r] {
			if j, ok := roleAt(s, i); ok {
				return i, j
			}
		}
		i += n
	}
	return -1, -1
}

// roleAt matches the Chinese branch at byte i of s.
func roleAt(s string, i int) (int, bool) {
	for _, w := range rolePosts {
		if e, ok := wordAt(s, i, w); ok {
			if e, ok := titleAt(s, e); ok {
				return e, true
			}
		}
	}
	if e, ok := wordAt(s, i, "驻"); ok {
		var ends [4]int
		n := 0
		for ; n < 4; n++ {
			r, size := utf8.DecodeRuneInString(s[e:])
			if size == 0 || !unicode.Is(unicode.Han, r) {
				break
			}
			e += size
			ends[n] = e
		}
		for n--; n >= 0; n-- {
			if e, ok := titleAt(s, ends[n]); ok {
				return e, true
			}
		}
	}
	return titleAt(s, i)
}

// titleAt matches one of roleTitles at byte i of s.
func titleAt(s string, i int) (int, bool) {
	for _, w := range roleTitles {
		if e, ok := wordAt(s, i, w); ok {
			return e, true
		}
	}
	return 0, false
}

// wordAt matches w at byte i of s, each character also in its
// Traditional forms (withTraditional); it returns the end.
func wordAt(s string, i int, w string) (int, bool) {
	for _, c := range w {
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 0 || r != c && !strings.ContainsRune(traditional[c], r) {
			return 0, false
		}
		i += n
	}
	return i, true
}

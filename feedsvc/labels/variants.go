package labels

import (
	"regexp"
	"strings"
)

// traditional lists the Traditional forms of the Simplified characters
// used in metadata labels (来源 → 來源, 责任编辑 → 責任編輯, 记者 → 記者,
// 摄 → 攝, 发布时间 → 發佈時間, …), so one table reads pages from
// mainland China, Taiwan, Hong Kong and Macau alike.
var traditional = map[rune]string{
	'来': "來", '编': "編", '辑': "輯", '责': "責", '记': "記", '摄': "攝", '发': "發", '布': "佈",
	'时': "時", '间': "間", '闻': "聞", '报': "報", '导': "導", '讯': "訊", '员': "員", '图': "圖",
	'实': "實", '习': "習", '见': "見", '约': "約", '题': "題", '标': "標", '号': "號", '体': "體",
	'开': "開", '关': "關", '闭': "閉", '点': "點", '击': "擊", '读': "讀", '数': "數", '览': "覽",
	'错': "錯", '复': "複復", '制': "製", '链': "鏈", '写': "寫", '处': "處", '变': "變", '转': "轉",
	'专': "專", '访': "訪", '画': "畫", '录': "錄", '译': "譯", '档': "檔", '评': "評", '论': "論",
	'网': "網", '页': "頁", '载': "載", '视': "視", '频': "頻", '驻': "駐", '华': "華", '纠': "糾",
	'储': "儲", '阅': "閱", '浏': "瀏", '类': "類", '订': "訂", '与': "與", '当': "當", '现': "現", '详': "詳", '细': "細", '钟': "鐘", '后': "後",
	'组': "組", '书': "書", '帐': "帳", '选': "選",
	// Furniture words (extract's edge rules): hotlines, disclaimers,
	// QR codes, promotions, fan pages.
	'线': "線", '热': "熱", '声': "聲", '权': "權", '扫': "掃", '维': "維", '码': "碼", '荐': "薦",
	'欢': "歡", '丝': "絲", '团': "團", '续': "續", '继': "繼", '该': "該", '众': "眾", '举': "舉",
	'广': "廣", '们': "們", '这': "這", '说': "說", '无': "無", '护': "護", '门': "門",
}

// withTraditional rewrites a regular expression so that each Simplified
// character with a Traditional form also matches that form: outside a
// character class "来" becomes "[来來]", inside one the form is added.
func withTraditional(pattern string) string {
	var b strings.Builder
	inClass, escaped := false, false
	for _, r := range pattern {
		t := traditional[r]
		switch {
		case escaped:
			escaped = false
			b.WriteRune(r)
		case r == '\\':
			escaped = true
			b.WriteRune(r)
		case r == '[' && !inClass:
			inClass = true
			b.WriteRune(r)
		case r == ']' && inClass:
			inClass = false
			b.WriteRune(r)
		case t == "":
			b.WriteRune(r)
		case inClass:
			b.WriteRune(r)
			b.WriteString(t)
		default:
			b.WriteString("[" + string(r) + t + "]")
		}
	}
	return b.String()
}

// Regexp compiles a label pattern that also matches Traditional forms.
func Regexp(pattern string) *regexp.Regexp {
	return regexp.MustCompile(withTraditional(pattern))
}

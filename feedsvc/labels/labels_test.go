package labels

import (
	"slices"
	"testing"
)

func TestParseLine(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    []Hit
		allMeta bool
	}{
		{"cms info line", "2023-11-15 06:58　来源：工人日报　作者：王喆　打印　关闭",
			[]Hit{{Published, "2023-11-15 06:58"}, {Source, "工人日报"}, {Author, "王喆"}}, true},
		{"bracketed editor", "【责任编辑：刘雨晴】", []Hit{{Editor, "刘雨晴"}}, true},
		{"english source and font size", "Source: Daily - Wire\n  2023-11-15 07:24\n Font size: Large Medium Small",
			[]Hit{{Source, "Daily - Wire"}, {Published, "2023-11-15 07:24"}}, true},
		{"labels after single spaces", "发布时间：2024年3月5日 10:20 稿源：《某某日报》",
			[]Hit{{Published, "2024-03-05 10:20"}, {Source, "某某日报"}}, true},
		{"byline without colon", "本报记者 赵雅琪 孙建伟", []Hit{{Author, "赵雅琪\x00孙建伟"}}, true},
		{"edited by", "Edited by Louise Michel", []Hit{{Editor, "Louise Michel"}}, true},
		{"print title marker", "Original title: Opening of the seminar (introduction)", []Hit{{Kicker, "Opening of the seminar"}}, true},
		{"chinese marker", "学思践悟促提升（引题）", []Hit{{Kicker, "学思践悟促提升"}}, true},
		{"single-line 原标题", "原标题：冬季读书季启动", []Hit{{PrintTitle, "冬季读书季启动"}}, true},
		{"photo credit line", "李堃 摄", []Hit{{Photographer, "李堃"}}, true},
		{"选稿 and staff code", "选稿：曾炟", []Hit{{Editor, "曾炟"}}, true},
		{"staff code dropped", "[责任编辑：杜智 PX209]", []Hit{{Editor, "杜智"}}, true},
		{"pen name editor", "策划：杨顺霖   编辑：几乎不流浪", []Hit{{Editor, "几乎不流浪"}}, true},
		{"staff roles", "编辑  周褶褶  ｜   排版  魏蔚", []Hit{{Editor, "周褶褶"}}, true},
		{"bare labels", "作者  王之言 高孜然   编辑  周褶褶", []Hit{{Author, "王之言\x00高孜然"}, {Editor, "周褶褶"}}, true},
		{"source after a bar, compiled", "来源 | 综合抖音黑板报、南方都市报", []Hit{{Source, "抖音黑板报、南方都市报"}}, true},
		{"本文来源于 with date", "本文来源于  国家统计局  　 2024-05-11 09:36:26", []Hit{{Source, "国家统计局"}, {Published, "2024-05-11 09:36:26"}}, true},
		{"half-stripped book title", "来源：光明网-《光明日报》", []Hit{{Source, "光明网-光明日报"}}, true},
		{"bureau after source", "来源: 21世纪经济报道(广州)", []Hit{{Source, "21世纪经济报道"}}, true},
		{"spaced-out names", "本报记者  王乐文  方  敏", []Hit{{Author, "王乐文\x00方敏"}}, true},
		{"outlet before role", "中青报·中青网记者 魏其濛", []Hit{{Author, "魏其濛"}}, true},
		{"heading is not a byline", "记者手记", nil, false},
		{"french publication and update", "Publié le 07 mai 2019 à 13h59 - Mis à jour le 08 mai 2019 à 09h03",
			[]Hit{{Updated, "2019-05-08 09:03"}, {Published, "2019-05-07 13:59"}}, true},
		{"update without a year", "Updated on September 19 at 3:15 p.m.", []Hit{{Updated, "09-19 15:15"}}, true},
		{"publication then update stamp", "on December 27, 2014 at 12:06 PM, updated December 27, 2014 at 12:10 PM",
			[]Hit{{Published, "2014-12-27 12:06"}, {Updated, "2014-12-27 12:10"}}, true},
		{"byline in capitals", "By PHILLIP RAWLS", []Hit{{Author, "Phillip Rawls"}}, true},
		{"closing byline with a follow button", "-- By Michael Russell Follow @tdmrussell", []Hit{{Author, "Michael Russell"}}, true},
		{"author after a single space", "作者 王之言 高孜然", []Hit{{Author, "王之言\x00高孜然"}}, true},
		{"spaced author label wants names", "作者 的话是这样说的", nil, false},
		{"bar-like 丨 and outlet before role", "文丨政能亮特约评论员 韩涵", []Hit{{Author, "韩涵"}}, true},
		{"sentence is not metadata", "记者从市总工会获悉，活动将持续到明年。", nil, false},
		{"caption keeps its sentence", "图为培训班开班现场。　本报记者 陈思远 摄", []Hit{{Photographer, "陈思远"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Line(tt.line)
			if ok != tt.allMeta || !slices.Equal(got, tt.want) {
				t.Errorf("Line(%q): got %+v (all=%v), want %+v (all=%v)", tt.line, got, ok, tt.want, tt.allMeta)
			}
		})
	}
}

func TestSplitNames(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"chinese roles", "记者 陈思远 通讯员 刘晓静", []string{"陈思远", "刘晓静"}},
		{"chinese list", "张伟、李娜", []string{"张伟", "李娜"}},
		{"english and", "Marie Curie and Pierre Dupont", []string{"Marie Curie", "Pierre Dupont"}},
		{"english by", "By Ada Lovelace, Alan Turing", []string{"Ada Lovelace", "Alan Turing"}},
		{"outlet before role", "Workers' Daily - reporter Zheng Li of China Industrial Network", []string{"Zheng Li"}},
		{"particle", "Lisa de Moraes", []string{"Lisa de Moraes"}},
		{"french par", "Par Cécile Ducourtieux", []string{"Cécile Ducourtieux"}},
		{"not a name", "从市总工会获悉，活动将持续", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Names(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFindCredits(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"caption credit", "外卖送餐员在服务站点内休息。本报记者 孙建伟 摄", []string{"孙建伟"}},
		{"english photographer", "… sub classrooms. (Photographer/Wang Xin and Yu Ziying)", []string{"Wang Xin", "Yu Ziying"}},
		{"photo label", "The new hall. Photo: Jean Martin", []string{"Jean Martin"}},
		{"slash credit", "红墙白雪。王强/摄", []string{"王强"}},
		{"verb is not a credit", "他们正在拍摄。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Credits(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"cms", "2023-11-15 07:24 来源", "2023-11-15 07:24"},
		{"chinese unpadded", "发布时间：2024年3月5日 10:20", "2024-03-05 10:20"},
		{"slashes with seconds", "2009/06/18 15:32:07", "2009-06-18 15:32:07"},
		{"date only", "[2023.11.15]", "2023-11-15"},
		{"english", "Posted March 5, 2024 at 3:04 pm", "2024-03-05 15:04"},
		{"english dmy", "5 March 2024", "2024-03-05"},
		{"impossible month", "2023-13-01", ""},
		{"no year", "11月14日电", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FindDate(tt.in).Canonical(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestByline(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"By Mike Cason | mcason@al.com", []string{"Mike Cason"}},
		{"By Ada Lovelace and Alan Turing Updated 3:53 p.m.", []string{"Ada Lovelace", "Alan Turing"}},
		{"By Ada Lovelace, Alan Turing and Grace Hopper", []string{"Ada Lovelace", "Alan Turing", "Grace Hopper"}},
		{"Kate Fazzini kate.fazzini@cnbc.com", []string{"Kate Fazzini"}},
		{"By Seth Fiegerman Sun, 26 Jan 2014 18:12:05 +0000", []string{"Seth Fiegerman"}},
		{"By Seth Fiegerman 2014-01-26 21:32:46 UTC", []string{"Seth Fiegerman"}},
		{"Byby JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL", []string{"Josh Haskell", "David Caplan", "Patrick Reevell"}},
		{"By: Paul Wiseman, Fatima Hussein", []string{"Paul Wiseman", "Fatima Hussein"}},
		{"Par LILIAN ALEMAGNA, LAURE BRETTON Envoyés spéciaux à Toulouse", []string{"Lilian Alemagna", "Laure Bretton"}},
		{"By JORDAN ROBERTSON and RACHEL METZ - AP Technology Writers | AP – 1 hr 4 mins ago", []string{"Jordan Robertson", "Rachel Metz"}},
		{"-- By Michael Russell Follow @tdmrussell", []string{"Michael Russell"}},
		{"Bybee Smith", []string{"Bybee Smith"}},
		{"Grant Brisbee@GrantBrisbee", []string{"Grant Brisbee"}},
	}
	for _, tt := range tests {
		if got := Byline(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Byline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOrgLike(t *testing.T) {
	for _, n := range []string{"新华社", "每日经济新闻", "新京报", "法新社", "香港電台-財經", "本网", "整合", "未知",
		"上海证券报网络版", "新华社发", "摄影报道", "AP", "CNN", "ABC News", "Associated Press", "Reuters", "USA TODAY", "Staff", "Getty Images", "US Navy"} {
		if !OrgLike(n) {
			t.Errorf("OrgLike(%q) = false, want true", n)
		}
	}
	for _, n := range []string{"栗思", "王之言", "欧阳修", "阿依古丽·买买提", "Lisa de Moraes", "Ed Hornick", "T.C. Sottek"} {
		if OrgLike(n) {
			t.Errorf("OrgLike(%q) = true, want false", n)
		}
	}
}

func TestPhotoCredit(t *testing.T) {
	tests := []struct {
		in       string
		inCredit bool
		want     []string
	}{
		{"Photograph: Stephanie Keith/Reuters", true, []string{"Stephanie Keith"}},
		{"Evan Vucci/AP Photo", true, []string{"Evan Vucci"}},
		{"Photo by Jonathan Daniel/Getty Images", true, []string{"Jonathan Daniel"}},
		{"Protesters gather in Chelsea. (Rashid Umar Abbasi / Reuters)", false, []string{"Rashid Umar Abbasi"}},
		{"The star on set. Photograph: Andrew Yee for the Guardian", false, []string{"Andrew Yee"}},
		{"Getty Images", true, nil},
		{"The mayor (left) speaks to reporters.", false, nil},
	}
	for _, tt := range tests {
		if got := PhotoCredit(tt.in, tt.inCredit); !slices.Equal(got, tt.want) {
			t.Errorf("PhotoCredit(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBylineOrg(t *testing.T) {
	tests := []struct{ in, want string }{
		{"John Patrick Pullen, TIME", "TIME"},
		{"By: Paul Wiseman, Fatima Hussein, The Associated Press", "The Associated Press"},
		{"By JORDAN ROBERTSON and RACHEL METZ - AP Technology Writers | AP – 1 hr 4 mins ago", "AP"},
		{"By Mike Cason | mcason@al.com", ""},
		{"By Ada Lovelace and Alan Turing", ""},
		{"By Staff", ""},
	}
	for _, tt := range tests {
		if got := BylineOrg(tt.in); got != tt.want {
			t.Errorf("BylineOrg(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDatelineAuthors(t *testing.T) {
	tests := []struct {
		lines []string
		want  []string
	}{
		{[]string{"（记者 陈思远 通讯员 刘晓静）本报讯 活动开幕。", "正文。"}, []string{"陈思远", "刘晓静"}},
		{[]string{"正文第一段。", "警方已勘驗現場並報請相驗。（王煌忠／台中報導）"}, []string{"王煌忠"}},
		{[]string{"正文第一段。", "会议要求各地抓好落实。（钟才文）"}, []string{"钟才文"}},
		{[]string{"▲图说。（圖／記者林悅翻攝）", "記者林悅／南市報導", "正文。"}, []string{"林悅"}},
		{[]string{"正文第一段。", "会议在北京举行（图）"}, nil},
		{[]string{"新华社北京5月19日电（刘艺、杨吉）中国科学院专家19日介绍项目进展。"}, []string{"刘艺", "杨吉"}},
		{[]string{"新华社北京5月9日电 题：外贸向好", "新华社记者邹多为、唐诗凝、丁乐", "正文。"}, []string{"邹多为", "唐诗凝", "丁乐"}},
		{[]string{"記者從市府獲悉，活動將持續。"}, nil},
		{[]string{"正文。", "警方已報請相驗。（王煌忠／台中報導）", "《蘋果》關心你", "生命線協談專線：1995", "張老師專線：1980", "再給自己一次機會"}, []string{"王煌忠"}},
		{[]string{"正文。", "会议要求各地抓好落实。（钟才文）", "一", "二", "三"}, nil},
		{[]string{"正文。將進一步釐清死因。（王煌忠／台中報導）《蘋果》關心你", "一", "二", "三"}, []string{"王煌忠"}},
		{[]string{"The lesson: you are what you search.", "-- By Michael Russell Follow @tdmrussell"}, []string{"Michael Russell"}},
		{[]string{"The lesson: you are what you search.", "By the way, we are closed."}, nil},
	}
	for _, tt := range tests {
		if got := DatelineAuthors(tt.lines); !slices.Equal(got, tt.want) {
			t.Errorf("DatelineAuthors(%q) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}

func TestClosingNotes(t *testing.T) {
	lines := []string{"正文第一段。", "中法经贸合作将不断迈上新台阶。（本文来源：经济日报 作者：中国国际经济交流中心世界经济研究部部长，“一带一路”研究部部长、研究员徐占忱）"}
	want := []Hit{{Source, "经济日报"}, {Author, "徐占忱"}}
	if got := ClosingNotes(lines); !slices.Equal(got, want) {
		t.Errorf("ClosingNotes = %+v, want %+v", got, want)
	}
	reuters := []string{"Reporting by Howard Schneider; Additional reporting by Lindsay Dunsmuir in Washington, Ann Saphir in San Francisco; Editing by David Chance and Paul Simao"}
	if got := ClosingNotes(reuters); !slices.Contains(got, Hit{Editor, "David Chance\x00Paul Simao"}) {
		t.Errorf("ClosingNotes = %+v, want the editors", got)
	}
	if got := ClosingNotes([]string{"By the end of the year, the council had voted."}); got != nil {
		t.Errorf("ClosingNotes = %+v, want none", got)
	}
	if got := ClosingNotes([]string{"会议在北京举行（图为会场）"}); got != nil {
		t.Errorf("ClosingNotes = %+v, want none", got)
	}
}

func TestEvidencePeopleSkipsDesks(t *testing.T) {
	e := Evidence{Header: []Hit{{Author, "National Desk"}}, Body: []Hit{{Author, "Michael Russell"}}}
	if got := e.People(Author); !slices.Equal(got, []string{"Michael Russell"}) {
		t.Errorf("People = %q, want [Michael Russell]", got)
	}
	if got := (&Evidence{Header: []Hit{{Author, "新华社"}}}).People(Author); got != nil {
		t.Errorf("People = %q, want none", got)
	}
}

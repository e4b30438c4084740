package render

import (
	"fmt"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var beijing = time.FixedZone("CST", 8*3600)

// richChannel exercises every field the renderers write: Chinese text,
// kicker and subtitle, images with captions and credits, attachments,
// categories, several authors, editor, source, hubs, paging and archive.
func richChannel() *feedsvc.Channel {
	arts := richArticles()
	return &feedsvc.Channel{
		Section: feedsvc.Section{Slug: "ent", Title: "中工娱乐",
			Description: "中工网娱乐频道：文化、演出与职工文艺", Language: "zh-CN"},
		SelfURL: "https://feeds.example.org/sections/ent/rss",
		HomeURL: "https://feeds.example.org/sections/ent",
		FeedURLs: map[string]string{"rss": "https://feeds.example.org/sections/ent/rss",
			"atom": "https://feeds.example.org/sections/ent/atom", "json": "https://feeds.example.org/sections/ent/json"},
		NextURL:        "https://feeds.example.org/sections/ent/rss?before=1699870000000-1122334455667788",
		PrevArchiveURL: "https://feeds.example.org/sections/ent/archive/2023-10/rss",
		Archive:        true,
		Hubs:           []string{"https://pubsubhubbub.appspot.com/", "https://websub.example.org/hub"},
		Generator:      "feedsvc/1.0",
		Updated:        feedsvc.LatestChange(arts),
		Articles:       arts,
	}
}

// richArticles are three articles: a full Chinese one, an English one
// with markup characters and no HTML or date, and one with only an image.
func richArticles() []feedsvc.Article {
	return []feedsvc.Article{
		{
			ID: "a1b2c3d4e5f60718", SourceID: "workercn-ent",
			URL:        "https://www.workercn.cn/c/2023-11-15/8034745.shtml",
			Title:      "丰台区总工会举办基层工会主席学习贯彻中国工会十八大精神培训班",
			Kicker:     "学思践悟促提升　凝心聚力开新局",
			Subtitle:   "200余名基层工会干部参加为期两天的集中轮训",
			PrintTitle: "凝心聚力开新局",
			Authors:    []string{"陈思远", "刘晓静"}, Photographers: []string{"陈思远", "刘晓静"},
			Editor: "王晓燕", Source: "工人日报", SourceURL: "https://www.workercn.cn/",
			Published: time.Date(2023, 11, 15, 7, 24, 0, 0, beijing),
			Updated:   time.Date(2023, 11, 15, 9, 0, 0, 0, beijing),
			FirstSeen: time.Date(2023, 11, 15, 0, 0, 5, 0, time.UTC),
			Section:   "中工娱乐", Language: "zh-CN",
			Categories: []string{"中工娱乐", "工会"},
			Rights:     "© 2023 中工网",
			Images: []feedsvc.Image{
				{URL: "https://www.workercn.cn/c/2023-11-15/W020231115384215216401.jpg",
					Caption: "图为培训班开班现场。　本报记者 陈思远 摄", Credit: "陈思远", Length: 48213},
				{URL: "https://www.workercn.cn/upload/2023/11/15/W020231115384215687209.png",
					Alt: "学员们在户外劳动者服务站点参观学习", Caption: "学员们在户外劳动者服务站点参观学习。"},
			},
			Attachments: []feedsvc.Attachment{{URL: "https://www.workercn.cn/audio/8034745.mp3", Length: 1048576, Title: "音频版"}},
			Summary:     "11月13日至14日，北京市丰台区总工会举办基层工会主席培训班。",
			ContentHTML: "<p>本报北京11月14日电（记者 陈思远 通讯员 刘晓静）11月13日至14日，北京市丰台区总工会举办培训班。</p>\n<p>学员们表示&nbsp;“收获很大”。</p>",
			BodyText:    "本报北京11月14日电（记者 陈思远 通讯员 刘晓静）11月13日至14日，北京市丰台区总工会举办培训班。 学员们表示 “收获很大”。",
			Sections:    []string{"ent"},
			AlsoIn:      []feedsvc.SourceRef{{SourceID: "people-culture", URL: "https://culture.people.com.cn/n1/2023/1115/c1013.html"}},
		},
		{
			ID: "0f1e2d3c4b5a6978", URL: "https://www.workercn.cn/c/2023-11-14/8033001.shtml",
			Title: "Tom & Jerry <live> at the \"Workers' Palace\" ]]>", Language: "en",
			Authors:   []string{"Zheng Li"},
			FirstSeen: time.Date(2023, 11, 14, 10, 30, 0, 0, time.UTC),
			Summary:   "A show with <angle brackets> & ampersands.",
			BodyText:  "Plain body text only, no HTML. Line two.",
			Attachments: []feedsvc.Attachment{
				{URL: "https://cdn.example.org/v/show.mp4?sig=1", Type: "video/mp4"},
				{URL: "https://cdn.example.org/doc/programme"},
			},
		},
		{
			ID: "1122334455667788", URL: "https://www.workercn.cn/c/2023-11-13/8031234.shtml",
			Title:     "快递小哥冬季有了“暖心驿站”",
			Published: time.Date(2023, 11, 13, 18, 5, 9, 0, beijing),
			Language:  "zh-CN", Categories: []string{"民生"},
			Images:      []feedsvc.Image{{URL: "https://img.example.org/a/b.webp?w=640", Type: "image/webp", Caption: "驿站内景"}},
			ContentHTML: `<p>驿站提供热水、充电和休息座椅。</p><img src="https://img.example.org/a/b.webp?w=640" alt="">`,
		},
	}
}

// emptyChannel is a section page with no articles and few fields.
func emptyChannel() *feedsvc.Channel {
	return &feedsvc.Channel{
		Section: feedsvc.Section{Slug: "empty", Title: "空栏目", Language: "zh-CN"},
		SelfURL: "https://feeds.example.org/sections/empty/rss",
		HomeURL: "https://feeds.example.org/sections/empty",
		FeedURLs: map[string]string{"rss": "https://feeds.example.org/sections/empty/rss",
			"atom": "https://feeds.example.org/sections/empty/atom", "json": "https://feeds.example.org/sections/empty/json"},
	}
}

// bigChannel repeats the rich articles to n items with distinct IDs.
func bigChannel(n int) *feedsvc.Channel {
	ch := richChannel()
	base := ch.Articles
	ch.Articles = make([]feedsvc.Article, n)
	for i := range ch.Articles {
		a := base[i%len(base)]
		a.ID = fmt.Sprintf("%s-%03d", a.ID, i)
		a.URL = fmt.Sprintf("%s?n=%d", a.URL, i)
		ch.Articles[i] = a
	}
	return ch
}

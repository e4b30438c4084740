package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestLeadImage checks that the declared og:image comes first when the
// body does not show it, and that share cards, logos and the same
// picture in another size do not.
func TestLeadImage(t *testing.T) {
	const body = `<h1>A headline for the lead image test</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
%s
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
</article>`
	inline := `<figure><img src="https://cdn.example.com/2024/05/inline-photo-123.jpg"><figcaption>Inline caption</figcaption></figure>`
	tests := []struct {
		name, og, inBody string
		want             []string
	}{
		{"lead outside body", "https://cdn.example.com/2024/05/lead-photo-456.jpg", "",
			[]string{"https://cdn.example.com/2024/05/lead-photo-456.jpg"}},
		{"lead before inline shown on page", "https://cdn.example.com/2024/05/inline-photo-123.jpg?w=1200", inline,
			[]string{"https://cdn.example.com/2024/05/inline-photo-123.jpg"}},
		{"logo gif", "https://cdn.example.com/site/logo-big.gif", "", nil},
		{"png card", "https://cdn.example.com/site/card-2024.png", "", nil},
		{"photo converted to png", "https://res.example.com/api/res/1.2/x--/https://media.example.com/news/c21f2741a61a.jpg.cf.png", "",
			[]string{"https://res.example.com/api/res/1.2/x--/https://media.example.com/news/c21f2741a61a.jpg.cf.png"}},
		{"share card", "https://cdn.example.com/img/shareF2023.jpg", "", nil},
		{"thumbnail never shown beside body pictures", "https://cdn.example.com/thumbs/other-thumb-789.jpg", inline,
			[]string{"https://cdn.example.com/2024/05/inline-photo-123.jpg"}},
	}
	for i, tc := range tests {
		meta := `<meta property="og:image" content="` + tc.og + `">`
		if i == 0 {
			meta = `<meta value="` + tc.og + `" name="og:image">` // a value attribute instead of content
		}
		page := `<html><head>` + meta + `</head><body>` +
			fmt.Sprintf(body, tc.inBody) + `</body></html>`
		a, err := Article([]byte(page), "https://example.com/n/3.html", feedsvc.ArticleRules{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, im := range a.Images {
			got = append(got, im.URL)
		}
		if len(got) != len(tc.want) || len(got) > 0 && got[0] != tc.want[0] {
			t.Errorf("%s: images %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestLeadImageLargeCard checks that a share picture declared as a large
// card leads even where the body has pictures of its own, unless it lies
// in their folder (the same picture cropped), and that a lead read from
// meta tags has no alt (og:image:alt describes the card, not an <img>).
func TestLeadImageLargeCard(t *testing.T) {
	const tmpl = `<html><head><meta property="og:image" content="%s">
<meta property="og:image:alt" content="Share card text">
<meta name="twitter:card" content="summary_large_image"></head><body>
<h1>A headline for the large card test</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<figure><img src="https://cdn.example.com/media/2016/12/inline-photo-123.jpg" alt="Inline"></figure>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
</article></body></html>`
	tests := []struct {
		og   string
		want []string
	}{
		{"https://cdn.example.com/media/lead/4f2a/lead-photo.jpg?width=1200",
			[]string{"https://cdn.example.com/media/lead/4f2a/lead-photo.jpg?width=1200", "https://cdn.example.com/media/2016/12/inline-photo-123.jpg"}},
		{"https://cdn.example.com/resizer/x1/media/2016/12/inline-photo-123_wide.jpg",
			[]string{"https://cdn.example.com/media/2016/12/inline-photo-123.jpg"}},
	}
	for _, tc := range tests {
		a, err := Article([]byte(fmt.Sprintf(tmpl, tc.og)), "https://example.com/n/9.html", feedsvc.ArticleRules{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, im := range a.Images {
			got = append(got, im.URL)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("og %s: images %q, want %q", tc.og, got, tc.want)
		}
		if len(a.Images) > 1 && a.Images[0].Alt != "" {
			t.Errorf("og %s: lead alt %q, want none", tc.og, a.Images[0].Alt)
		}
	}
}

// TestCaptionMarks checks captions opened by a pointing triangle and
// credit captions closing with 供图 (an institution's picture).
func TestCaptionMarks(t *testing.T) {
	const page = `<html><body><h1>测试新闻标题在这里出现</h1><div class="content">
<p>第一段正文，讲述了事情的起因和经过，内容足够长以便被识别为正文，并且包含多个分句，逗号，句号。</p>
<p><img src="https://cdn.example.com/2024/05/photo-one-123.jpg"></p>
<p>△坦帕市市长在发布会上</p>
<p>第二段正文，继续讲述事情的经过和结果，内容也足够长以便被识别为正文，并且包含多个分句，逗号，句号。</p>
<p><img src="https://cdn.example.com/2024/05/photo-two-456.jpg"></p>
<p>毕业生就业双选会现场。山东女子学院供图</p>
<p>第三段正文，这是最后一句话，内容也足够长以便被识别为正文，并且包含多个分句，逗号，句号。</p>
</div></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/6.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	caps := captionsOf(a.Images)
	want := []string{"△坦帕市市长在发布会上", "毕业生就业双选会现场。山东女子学院供图"}
	if fmt.Sprint(caps) != fmt.Sprint(want) {
		t.Errorf("captions %q, want %q", caps, want)
	}
}

// TestImageAltAndHeadshot checks that an alt holding only the file name
// is no alt, and that an author headshot is no article picture.
func TestImageAltAndHeadshot(t *testing.T) {
	const page = `<html><body><h1>A headline for the alt test story</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<p><img src="https://cdn.example.com/images/4vCKVZcfzM239uuC.png" alt="4vCKVZcfzM239uuC.png"></p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<p><img src="https://cdn.example.com/resizer/200x200/arc-authors/site/6a4fe4a0.png"></p>
<p>The third paragraph ends the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/7.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Images) != 1 || a.Images[0].Alt != "" {
		t.Errorf("images %+v, want the first picture without alt", a.Images)
	}
}

// TestInlineTagLinkKept checks that a link whose class or id names a tag
// (an auto-linked keyword in running text) keeps its words in the body,
// while a tag list of bare links is still dropped.
func TestInlineTagLinkKept(t *testing.T) {
	const page = `<html><body><h1>A headline for the inline tag test</h1><article>
<p><a href="/tag/twitter/" id="auto-tag_twitter_1">Twitter</a> erupted Monday morning when the president shared his advice with <a href="/tag/acme/" class="tag-link">Acme</a>, after the airline announced it was cancelling flights through August.</p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<p>The third paragraph ends the story with a few more words, commas, and a full stop to close it.</p>
<div><a class="tag" href="/tag/a/">Alpha</a> <a class="tag" href="/tag/b/">Beta</a></div>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/4.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.BodyText, "Twitter erupted Monday morning when the president shared his advice with Acme, after") {
		t.Errorf("body start %q", a.BodyText[:min(len(a.BodyText), 120)])
	}
	if strings.Contains(a.BodyText, "Alpha") {
		t.Errorf("tag list kept: %q", a.BodyText)
	}
}

// TestImageRenditions keeps one picture served in several sizes (size
// tokens in the file name) and keeps numbered gallery pictures apart.
func TestImageRenditions(t *testing.T) {
	const page = `<html><body><h1>A headline for the renditions test</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<figure><img src="https://media.example.org/img/2016/12/15/ap_1634266-ec3bdb8a-s1100-c50.jpg"></figure>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<figure><img src="https://media.example.org/img/2016/12/15/ap_1634266-ec3bdb8a-s1200.jpg"></figure>
<figure><img src="https://media.example.org/img/2016/12/15/gallery-photo-01.jpg"></figure>
<figure><img src="https://media.example.org/img/2016/12/15/gallery-photo-02.jpg"></figure>
<p>The third paragraph ends the story with a few more words, commas, and a full stop to close it.</p>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/6.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, im := range a.Images {
		got = append(got, im.URL[strings.LastIndex(im.URL, "/")+1:])
	}
	want := []string{"ap_1634266-ec3bdb8a-s1100-c50.jpg", "gallery-photo-01.jpg", "gallery-photo-02.jpg"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("images %q, want %q", got, want)
	}
}

// TestSourceDashBlock drops a lead block holding only an outlet and a
// dash ("CNN —") printed apart from the first paragraph; a dateline inside
// the paragraph stays.
func TestSourceDashBlock(t *testing.T) {
	const tmpl = `<html><body><h1>A headline for the source dash test</h1><article>
%s
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<p>The third paragraph ends the story with a few more words, commas, and a full stop to close it.</p>
</article></body></html>`
	tests := []struct{ lead, want string }{
		{`<div class="source"><cite><span>CNN</span> &nbsp;&mdash;&nbsp;</cite></div><p>Justice Alito is the tip of the spear for conservatives at the court, with commas, and more words.</p>`, "Justice Alito"},
		{`<p>ANAHEIM, Calif. — Musicians often show off lots of ring bling, but rarely have rings been thought of for making music.</p>`, "ANAHEIM, Calif. —"},
	}
	for _, tt := range tests {
		a, err := Article([]byte(fmt.Sprintf(tmpl, tt.lead)), "https://example.com/n/7.html", feedsvc.ArticleRules{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(a.BodyText, tt.want) {
			t.Errorf("body %q, want it to start with %q", a.BodyText[:min(60, len(a.BodyText))], tt.want)
		}
	}
}

// TestBylineBlockAtStart drops a lead block that is only a byline; a
// first sentence opened by "By" stays.
func TestBylineBlockAtStart(t *testing.T) {
	const tmpl = `<html><body><h1>A headline for the byline block test</h1>
<h2>A dek that runs under the headline and says what the story is about</h2><article>
%s
<p>At the store, we first realized we needed to have a real conversation with our customers back in 2007, and more.</p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
</article></body></html>`
	tests := []struct{ lead, want string }{
		{"<p class=\"author\">By\n<a href=\"/bios/brad-shaw\" rel=\"author\">Brad Shaw</a></p>", "At the store"},
		{`<p>By noon the crowd had grown to thousands of people, and the police closed the square.</p>`, "By noon"},
	}
	for _, tt := range tests {
		a, err := Article([]byte(fmt.Sprintf(tmpl, tt.lead)), "https://example.com/n/8.html", feedsvc.ArticleRules{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(a.BodyText, tt.want) {
			t.Errorf("body %q, want it to start with %q", a.BodyText[:min(60, len(a.BodyText))], tt.want)
		}
	}
}

// TestVideoStillAndProfileBox checks that a video player's still (alt or
// caption announcing a video) and the picture of a profile box are no
// pictures of the story, while a photo beside them stays.
func TestVideoStillAndProfileBox(t *testing.T) {
	const page = `<html><body><h1>A headline for the video still test</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<div><img src="https://cdn.example.com/video/2016/09/clip-still-640x360.jpg" alt=""><cite class="expCaption"><span>Video: Candidate explains his plan</span></cite></div>
<div class="player"><img src="https://cdn.example.com/images/2016/09/20/clip-poster.jpg" alt="Video player loading"></div>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<figure><img src="https://cdn.example.com/images/2016/09/20/street-photo.jpg" alt="A street"><figcaption>The street on Monday.</figcaption></figure>
<div class="card"><div class="profile-image"><a href="https://db.example.org/company/acme"><img src="https://db.example.org/logos/acme-250x250.png" alt=""></a></div></div>
<p>The third paragraph ends the story with a few more words, commas, and a full stop to close it.</p>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/10.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Images) != 1 || !strings.HasSuffix(a.Images[0].URL, "street-photo.jpg") {
		t.Errorf("images %+v, want only the street photo", a.Images)
	}
}

// TestCreditsInCaptionsAndPictureBoxes reads photographers from a
// caption-classed element's closing credit and from the credit of a
// picture box set in an aside; an aside without a picture, and a
// one-word credit (an outlet or studio), give none.
func TestCreditsInCaptionsAndPictureBoxes(t *testing.T) {
	const page = `<html><body><h1>A headline for the photo credit test</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<aside class="single-photo"><img src="https://cdn.example.com/p/2014/01/rings.jpg"><p><span class="cutline">Rings on sale.</span><span class="credit">(Photo: Sean Fujiwara)</span></p></aside>
<div><img src="https://cdn.example.com/p/2014/01/mayor.jpg"><span class="pb-caption">The mayor on Sunday. (Dustin Franz/AFP/Getty Images)</span></div>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<figure><img src="https://cdn.example.com/p/2014/01/founder.jpg"><figcaption>The founder</figcaption><div class="image-credit">Image: SixThirty</div></figure>
<aside class="promo"><span class="credit">Photo: Other Person</span></aside>
<p>The third paragraph ends the story with a few more words, commas, and a full stop to close it.</p>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/11.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Sean Fujiwara", "Dustin Franz"}; strings.Join(a.Photographers, "|") != strings.Join(want, "|") {
		t.Errorf("photographers %q, want %q", a.Photographers, want)
	}
}

// TestCaptionBoxAfterPicture reads, on the page original, the
// caption-classed box a CMS sets after a picture (past a credit line, or
// hidden from the body copy), without the box's own credit and
// hide/toggle controls; a box holding one word (a stock credit) is no
// caption.
func TestCaptionBoxAfterPicture(t *testing.T) {
	const page = `<html><body><h1>A headline for the caption box test</h1><div class="entry-content">
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<div class="enhMed rightWrap"><img src="https://cdn.example.com/p/2010/08/marines.jpg" alt="Marines">
<div class="credit">US Navy / Getty Images</div>
<div class="caption">Marines board a helicopter on Thursday in the Indian Ocean.</div>
</div>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<div class="bucketwrap"><div class="imagewrap"><picture><img src="https://cdn.example.com/p/2016/12/roof.jpg" alt=""></picture></div>
<div class="credit-caption" aria-hidden="true"><div class="caption"><p>Roof is escorted from the police department. <b class="credit">Chuck Burton/AP</b> <b class="hide-caption">hide caption</b></p></div></div></div>
<p>The third paragraph ends the story with a few more words, commas, and a full stop to close it for good.</p>
<div class="pic"><img src="https://cdn.example.com/p/2016/12/network.jpg" alt=""><div class="wp-caption-text">iStockphoto</div></div>
<p>The fourth paragraph ends the story with a few more words, commas, and a full stop to close it at last.</p>
</div></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/12.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	caps := captionsOf(a.Images)
	want := []string{"Marines board a helicopter on Thursday in the Indian Ocean.", "Roof is escorted from the police department.", ""}
	if strings.Join(caps, "|") != strings.Join(want, "|") {
		t.Errorf("captions %q, want %q", caps, want)
	}
}

// TestRelatedTeaserPicture drops a picture linking to another story under
// a "Related" heading inside the body; a linked picture without such a
// heading stays.
func TestRelatedTeaserPicture(t *testing.T) {
	const page = `<html><body><h1>A headline for the related teaser test</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<p><a href="https://cdn.example.com/p/2017/01/speaker-big.jpg"><img src="https://cdn.example.com/p/2017/01/speaker.jpg" alt="A speaker"></a></p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<div class="box"><div class="head"><h2>Related</h2></div><div class="list"><div class="row"><a href="https://example.com/2017/01/23/other-story/"><img src="https://cdn.example.com/p/2016/03/other-story.jpg" alt="Other story"></a></div></div></div>
<p>The third paragraph ends the story with a few more words, commas, and a full stop to close it for good.</p>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/13.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Images) != 1 || !strings.HasSuffix(a.Images[0].URL, "/speaker.jpg") {
		t.Errorf("images %+v, want only the speaker", a.Images)
	}
}

// captionsOf lists the captions of images in order.
func captionsOf(imgs []feedsvc.Image) []string {
	var out []string
	for _, im := range imgs {
		out = append(out, im.Caption)
	}
	return out
}

package normalize

import (
	"net/url"
	"reflect"
	"regexp"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// avatarRe matches profile pictures (Gravatar, GitHub avatars, /avatar/
// paths): feeds list the author's face beside the article's pictures, but
// it is not one of them.
var avatarRe = regexp.MustCompile(`(?i)^https?://(?:[^/]*\.)?(?:gravatar\.com|avatars\d*\.githubusercontent\.com)/|^https?://[^?#]*/avatars?/`)

// cleanImages resolves image URLs, drops empty, placeholder, tracking and
// avatar ones, trims their text and keeps each URL once (first wins, later
// copies fill its missing alt/caption/credit).
func cleanImages(in []feedsvc.Image, base *url.URL) []feedsvc.Image {
	var out []feedsvc.Image
	at := map[string]int{}
	for _, im := range in {
		im.URL = imageURL(base, im.URL)
		// Every avatarRe match holds "avatar": most URLs skip the regexp.
		if im.URL == "" || strings.Contains(strings.ToLower(im.URL), "avatar") && avatarRe.MatchString(im.URL) {
			continue
		}
		im.Alt, im.Caption, im.Credit = collapse(im.Alt), collapse(im.Caption), collapse(im.Credit)
		im.Type = strings.ToLower(strings.TrimSpace(im.Type))
		k := mediaKey(im.URL)
		if j, dup := at[k]; dup {
			mergeMissing(&out[j], &im)
			continue
		}
		at[k] = len(out)
		out = append(out, im)
	}
	return out
}

// cleanAttachments resolves enclosure URLs and keeps each once.
func cleanAttachments(in []feedsvc.Attachment, base *url.URL) []feedsvc.Attachment {
	var out []feedsvc.Attachment
	at := map[string]int{}
	for _, at2 := range in {
		at2.URL = feedsvc.ResolveURL(base, at2.URL)
		if !strings.HasPrefix(at2.URL, "http://") && !strings.HasPrefix(at2.URL, "https://") {
			continue
		}
		at2.Type = strings.ToLower(strings.TrimSpace(at2.Type))
		at2.Title = collapse(at2.Title)
		if at2.Length < 0 {
			at2.Length = 0
		}
		k := mediaKey(at2.URL)
		if j, dup := at[k]; dup {
			mergeMissing(&out[j], &at2)
			continue
		}
		at[k] = len(out)
		out = append(out, at2)
	}
	return out
}

// mediaKey is the identity of a media URL: canonical form, so http/https
// spellings of host case and default ports count as one.
func mediaKey(u string) string {
	if c := CanonicalURL(u); c != "" {
		return c
	}
	return u
}

// mergeMissing copies into dst every field of src that is zero in dst
// (dst and src point to the same struct type).
func mergeMissing[T any](dst, src *T) {
	d, s := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	for i := range d.NumField() {
		if f := d.Field(i); f.CanSet() && f.IsZero() {
			f.Set(s.Field(i))
		}
	}
}

// contentImages lists the pictures of a sanitized body tree in document
// order, with the caption of an enclosing <figure>. Articles uses them
// when the producer listed no images (feeds whose only pictures are
// inline).
func contentImages(root *html.Node) []feedsvc.Image {
	var out []feedsvc.Image
	var walk func(n *html.Node, caption string)
	walk = func(n *html.Node, caption string) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Figure {
			caption = figcaption(n)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Img {
			out = append(out, feedsvc.Image{URL: attr(n, "src"), Alt: attr(n, "alt"), Caption: caption})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, caption)
		}
	}
	walk(root, "")
	return out
}

// figcaption returns the text of a figure's <figcaption>, "" when none.
func figcaption(fig *html.Node) string {
	for c := fig.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Figcaption {
			return strings.ReplaceAll(textOf(c), "\n\n", " ")
		}
	}
	return ""
}

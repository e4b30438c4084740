package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// feedItem is one generated RSS item.
type feedItem struct {
	Title, Link, GUID, Creator, Description string
	Categories                              []string
	Published                               time.Time
}

// Description sizes in bytes: each item's HTML lands in [minDesc, maxDesc].
const (
	minDesc = 1024
	maxDesc = 2048
)

// feedBase is the newest item's time; fixed so the output is deterministic.
var feedBase = time.Date(2025, 11, 20, 18, 30, 0, 0, time.FixedZone("CST", 8*3600))

// genFeedCmd implements `feedbench gen-feed -base URL -n N -o FILE`.
// Every URL it writes (links, GUIDs, images, the channel link) starts with
// -base, the loopback server that will serve the feed and its images
// (`feedbench serve-dir`), so that nothing a load run fetches or probes
// leaves the machine.
func genFeedCmd(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen-feed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 60, "number of items")
	seed := fs.Uint64("seed", 1, "random seed (same seed and base, same bytes)")
	out := fs.String("o", "", "output file (required)")
	base := fs.String("base", "", "URL the feed is served from, e.g. http://127.0.0.1:8081/site1/ (required; loopback unless -remote)")
	remote := fs.Bool("remote", false, "allow a -base that is not on loopback")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *n < 1 {
		return fmt.Errorf("gen-feed: need -o FILE and -n >= 1")
	}
	b, err := feedBaseURL(*base, *remote)
	if err != nil {
		return fmt.Errorf("gen-feed: %w", err)
	}
	var buf bytes.Buffer
	if err := writeRSS(&buf, genItems(*n, *seed, b), b); err != nil {
		return fmt.Errorf("gen-feed: %w", err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("gen-feed: %w", err)
	}
	return nil
}

// feedBaseURL checks -base: an absolute http(s) URL without query or
// fragment, on a loopback host unless remote; it returns it ending in "/".
func feedBaseURL(raw string, remote bool) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("-base %q: want an absolute http(s) URL such as http://127.0.0.1:8081/", raw)
	}
	if ip, err := netip.ParseAddr(u.Hostname()); !remote && u.Hostname() != "localhost" && (err != nil || !ip.IsLoopback()) {
		return "", fmt.Errorf("-base %q: not a loopback address (pass -remote to allow)", raw)
	}
	return strings.TrimSuffix(u.String(), "/") + "/", nil
}

// genItems returns n items, newest first, determined by seed and base
// (which every URL starts with).
func genItems(n int, seed uint64, base string) []feedItem {
	rng := rand.New(rand.NewPCG(seed, 0x6665656462656e63))
	items := make([]feedItem, n)
	t := feedBase
	for i := range items {
		items[i] = genItem(rng, i, t, base)
		t = t.Add(-time.Duration(7+rng.IntN(50)) * time.Minute)
	}
	return items
}

func genItem(rng *rand.Rand, i int, t time.Time, base string) feedItem {
	topic := pick(rng, topics)
	form := pick(rng, headlineForms)
	title := strings.NewReplacer("{topic}", topic, "{n}", strconv.Itoa(2+rng.IntN(9))).Replace(form)
	link := fmt.Sprintf("%s%s/content_%d.htm", base, t.Format("2006-01/02"), 7700000+i*13)
	desk := pick(rng, desks)
	cats := []string{desk, topic}
	return feedItem{
		Title: title, Link: link, GUID: link, Creator: pick(rng, bylines),
		Categories: cats, Published: t, Description: genDescription(rng, i, t, topic, base),
	}
}

// genDescription builds an HTML body with a captioned picture (under
// base/img/) and paragraphs, sized between minDesc and maxDesc bytes.
func genDescription(rng *rand.Rand, i int, t time.Time, topic, base string) string {
	var b strings.Builder
	subject := pick(rng, pictureSubjects)
	fmt.Fprintf(&b, `<p><img src="%simg/%s/%d.jpg" alt="%s" width="640" height="427"/></p>`,
		html.EscapeString(base), t.Format("2006/01/02"), 900100+i, subject)
	fmt.Fprintf(&b, `<p class="caption">图为%s。（资料图）</p>`, subject)
	target := minDesc + 100 + rng.IntN(maxDesc-minDesc-300)
	for b.Len() < target {
		var p strings.Builder
		p.WriteString("<p>")
		for range 1 + rng.IntN(3) {
			p.WriteString(fillSentence(rng, topic))
		}
		p.WriteString("</p>")
		if b.Len()+p.Len() > maxDesc {
			break
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// fillSentence fills one sentence form; most sentences stay on the item's
// topic, as a story's would.
func fillSentence(rng *rand.Rand, topic string) string {
	return fillForm(rng, pick(rng, sentenceForms), topic)
}

// fillForm replaces each {slot} of form; an unknown or unclosed one stays.
func fillForm(rng *rand.Rand, form, topic string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(form, '{')
		if i < 0 {
			b.WriteString(form)
			return b.String()
		}
		j := strings.IndexByte(form[i:], '}') + i
		if j < i {
			b.WriteString(form)
			return b.String()
		}
		b.WriteString(form[:i])
		b.WriteString(slot(rng, form[i+1:j], topic))
		form = form[j+1:]
	}
}

func slot(rng *rand.Rand, name, topic string) string {
	switch name {
	case "place":
		return pick(rng, places)
	case "org":
		return pick(rng, orgs)
	case "person":
		return pick(rng, bylines)
	case "topic":
		if rng.IntN(4) == 0 {
			return pick(rng, topics)
		}
		return topic
	case "num":
		return strconv.Itoa(2 + rng.IntN(9998))
	case "pct":
		return strconv.FormatFloat(float64(rng.IntN(600))/10, 'f', 1, 64)
	case "month":
		return strconv.Itoa(1 + rng.IntN(12))
	}
	return "{" + name + "}"
}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

// writeRSS writes items as an RSS 2.0 document linking to base, with
// dc:creator and the description HTML in CDATA.
func writeRSS(w io.Writer, items []feedItem, base string) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n<channel>\n")
	b.WriteString("<title>Bench News</title>\n")
	element(&b, "link", base)
	b.WriteString("<description>feedbench load-test fixture</description>\n<language>zh-CN</language>\n")
	if len(items) > 0 {
		element(&b, "lastBuildDate", items[0].Published.Format(time.RFC1123Z))
	}
	for _, it := range items {
		b.WriteString("<item>\n")
		element(&b, "title", it.Title)
		element(&b, "link", it.Link)
		b.WriteString(`<guid isPermaLink="true">` + escape(it.GUID) + "</guid>\n")
		element(&b, "pubDate", it.Published.Format(time.RFC1123Z))
		element(&b, "dc:creator", it.Creator)
		for _, c := range it.Categories {
			element(&b, "category", c)
		}
		b.WriteString("<description>" + cdata(it.Description) + "</description>\n")
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func element(b *bytes.Buffer, name, text string) {
	b.WriteString("<" + name + ">" + escape(text) + "</" + name + ">\n")
}

// cdata wraps s in CDATA sections, splitting any "]]>" across two of them,
// as many publishers send description HTML.
func cdata(s string) string {
	return "<![CDATA[" + strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") + "]]>"
}

func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}

// Command extractors compares body-text extraction over the development
// corpus: for every testdata/corpus/**/NAME.body.txt it extracts NAME.html
// with feedsvc's own article path (charset decoding, then extract.Article),
// with codeberg.org/readeck/go-readability/v2 and with
// github.com/markusmobius/go-trafilatura, and prints token-level
// precision, recall and F1 against the reference body. CJK text counts one
// token per character, other scripts one token per word.
//
// It is a throwaway benchmark in its own module, so the comparison
// libraries never become dependencies of the service.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/extract"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
)

// extractor returns the body text of a page.
type extractor struct {
	name string
	body func(page []byte, pageURL string) (string, error)
}

var extractors = []extractor{
	{"feedsvc", func(page []byte, pageURL string) (string, error) {
		doc, _, err := fetch.DecodeUTF8(page, "text/html")
		if err != nil {
			return "", err
		}
		a, err := extract.Article(doc, pageURL, feedsvc.ArticleRules{})
		return a.BodyText, err
	}},
	{"go-readability", func(page []byte, pageURL string) (string, error) {
		doc, _, err := fetch.DecodeUTF8(page, "text/html")
		if err != nil {
			return "", err
		}
		u, err := url.Parse(pageURL)
		if err != nil {
			return "", err
		}
		art, err := readability.FromReader(bytes.NewReader(doc), u)
		if err != nil {
			return "", err
		}
		var b strings.Builder
		err = art.RenderText(&b)
		return b.String(), err
	}},
	{"go-trafilatura", func(page []byte, pageURL string) (string, error) {
		doc, _, err := fetch.DecodeUTF8(page, "text/html")
		if err != nil {
			return "", err
		}
		u, err := url.Parse(pageURL)
		if err != nil {
			return "", err
		}
		res, err := trafilatura.Extract(bytes.NewReader(doc), trafilatura.Options{OriginalURL: u, EnableFallback: true, ExcludeComments: true})
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	}},
}

// score accumulates token counts.
type score struct{ hit, got, want int }

func (s score) prf() (p, r, f float64) {
	if s.got > 0 {
		p = float64(s.hit) / float64(s.got)
	}
	if s.want > 0 {
		r = float64(s.hit) / float64(s.want)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func main() {
	root := flag.String("corpus", "../../testdata/corpus", "corpus directory (searched recursively for *.body.txt)")
	verbose := flag.Bool("v", false, "print every page's F1")
	dump := flag.String("dump", "", "directory to write every extractor's body text to (NAME.EXTRACTOR.txt), for reading the differences")
	flag.Parse()
	var refs []string
	err := filepath.WalkDir(*root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".body.txt") {
			refs = append(refs, p)
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sort.Strings(refs)
	total := make([]score, len(extractors))
	group := map[string][]score{}
	pageF1 := make([][]float64, len(extractors))
	for _, ref := range refs {
		stem := strings.TrimSuffix(ref, ".body.txt")
		want, err := os.ReadFile(ref)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		page, err := os.ReadFile(stem + ".html")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pageURL := expectedURL(stem + ".expected.json")
		g := filepath.Base(filepath.Dir(ref))
		if group[g] == nil {
			group[g] = make([]score, len(extractors))
		}
		line := []string{filepath.Base(stem)}
		for i, x := range extractors {
			got, err := x.body(page, pageURL)
			if err != nil {
				got = "" // a failure scores zero recall
			}
			if *dump != "" {
				if err := os.WriteFile(filepath.Join(*dump, filepath.Base(stem)+"."+x.name+".txt"), []byte(got), 0o644); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
			}
			s := compare(tokens(got), tokens(string(want)))
			total[i] = add(total[i], s)
			group[g][i] = add(group[g][i], s)
			_, _, f := s.prf()
			pageF1[i] = append(pageF1[i], f)
			line = append(line, fmt.Sprintf("%.3f", f))
		}
		if *verbose {
			fmt.Println(strings.Join(line, "\t"))
		}
	}
	fmt.Printf("body-text F1 over %d pages (token level: CJK per character, other scripts per word; micro = all tokens pooled, macro = mean of page F1)\n\n", len(refs))
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "corpus\textractor\tprecision\trecall\tF1 (micro)\tF1 (macro)\t")
	groups := make([]string, 0, len(group))
	for g := range group {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		for i, x := range extractors {
			p, r, f := group[g][i].prf()
			fmt.Fprintf(w, "%s\t%s\t%.3f\t%.3f\t%.3f\t\t\n", g, x.name, p, r, f)
		}
	}
	for i, x := range extractors {
		p, r, f := total[i].prf()
		fmt.Fprintf(w, "all\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t\n", x.name, p, r, f, mean(pageF1[i]))
	}
	w.Flush()
}

func add(a, b score) score { return score{a.hit + b.hit, a.got + b.got, a.want + b.want} }

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// expectedURL reads the page URL from the page's .expected.json.
func expectedURL(path string) string {
	var e struct {
		URL string `json:"url"`
	}
	if b, err := os.ReadFile(path); err == nil && json.Unmarshal(b, &e) == nil && e.URL != "" {
		return e.URL
	}
	return "https://example.invalid/"
}

// compare counts the tokens two bags share.
func compare(got, want []string) score {
	bag := map[string]int{}
	for _, t := range want {
		bag[t]++
	}
	s := score{got: len(got), want: len(want)}
	for _, t := range got {
		if bag[t] > 0 {
			bag[t]--
			s.hit++
		}
	}
	return s
}

// tokens splits text into lower-cased words, with every CJK character
// (Han, Hiragana, Katakana, Hangul) a token of its own and punctuation
// dropped.
func tokens(s string) []string {
	var out []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			word.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

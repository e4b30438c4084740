package labels

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// ungatedLine is Line without the gate.
func ungatedLine(s string) ([]Hit, bool) {
	gateLines = false
	defer func() { gateLines = true }()
	return Line(s)
}

// fixtureLines are the text lines of every feed and page fixture: each
// element's text (as Strip and extract read blocks) and each line of it.
func fixtureLines(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	err := filepath.WalkDir(testenv.Shared(t), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") && !strings.HasSuffix(path, ".html") &&
			!strings.HasSuffix(path, ".rss") && !strings.HasSuffix(path, ".atom") && !strings.HasSuffix(path, ".json") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if enc, _, _ := charset.DetermineEncoding(raw, ""); enc != nil {
			if utf, err := enc.NewDecoder().Bytes(raw); err == nil {
				raw = utf // the GBK page
			}
		}
		// A feed's escaped content becomes markup once unescaped.
		for _, text := range []string{string(raw), html.UnescapeString(string(raw))} {
			doc, err := html.Parse(strings.NewReader(text))
			if err != nil {
				return err
			}
			for _, n := range Elements(doc) {
				t := TextOf(n)
				add(t)
				for _, l := range strings.Split(t, "\n") {
					add(l)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGateKeepsEveryResult: over every line of the fixtures and the
// cases of the other tests, Line gives the same hits with the gate as
// without it, and the gate lets every metadata line through.
func TestGateKeepsEveryResult(t *testing.T) {
	lines := append(fixtureLines(t), fastCases...)
	lines = append(lines, gateCases...)
	var meta, shut int
	for _, s := range lines {
		gh, gok := Line(s)
		uh, uok := ungatedLine(s)
		if gok != uok || !slices.Equal(gh, uh) {
			t.Errorf("Line(%q): gated %v %v, ungated %v %v", s, gh, gok, uh, uok)
		}
		if len(uh) > 0 {
			meta++
		}
		if !mayBeMeta(s) {
			shut++
		}
	}
	t.Logf("%d lines, %d with hits, %d stopped by the gate", len(lines), meta, shut)
	if meta < 50 || shut < len(lines)/3 {
		t.Errorf("the corpus should hold metadata lines (%d) and the gate stop many prose lines (%d of %d)",
			meta, shut, len(lines))
	}
}

// gateCases are lines near the gate's edges: labels after every kind of
// segment start, inside words, under case folding, in Traditional form.
var gateCases = []string{
	"中国人民大学", "中", "大 中 小", "字号：大 中 小", "文", "作者 文", "征文比赛", "本报记者张伟",
	"by the way", "By Jane Doe", "BY JANE DOE", "SOURCE: Xinhua", "Source：新华社", "（来源：新华社）",
	"来源|新华社", "x【来源】新华社", "a;来源：b", "责任编辑\u3000王芳", "責任編輯：王芳", "\u200b作者：王芳",
	"Original  title: X (theme)", "原题：读书（主题）", "X (Introduction)", "photo: Jane Doe", "Photographer/Jane Doe",
	"图/新华社", "李堃/摄", "王芳 攝", "Updated 2024-03-05", "Posted", "posted: March 5, 2024",
	"\u212aicker", "ſource: X", "Font Size: A", "Share", "print", "Edited by Ann Lee", "editor in charge: Li Wei",
	"\u0085来源：X", "\u2003来源：X", "内容来源：X", "(来源：X)", "(来源：X", "本文来源于 国家统计局",
	"Mis à jour le 5 mars 2024 à 10h", "MIS À JOUR : 5 mars", "Actualisé le 5 mars", "ACTUALISÉ 2024", "mis a jour",
}

// FuzzLineGate: on any text, Line gives the same result with the gate as
// without it.
func FuzzLineGate(f *testing.F) {
	for _, c := range append(slices.Clone(fastCases), gateCases...) {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gh, gok := Line(s)
		uh, uok := ungatedLine(s)
		if gok != uok || !slices.Equal(gh, uh) {
			t.Errorf("Line(%q): gated %v %v, ungated %v %v", s, gh, gok, uh, uok)
		}
	})
}

// TestGateAtomsFit: the tables' literals fit the gate's bitmap (else the
// gate lets every line through and saves nothing).
func TestGateAtomsFit(t *testing.T) {
	if n := len(metaGate.atoms); n == 0 || n > gateAtomMax {
		t.Errorf("%d atoms, the gate tracks %d", n, gateAtomMax)
	}
	if metaGate.req.op == reqTrue {
		t.Error("the tables yield no condition")
	}
}

// TestSegmentStartShortcut: the table and the range shortcut agree with
// the plain definition on every rune.
func TestSegmentStartShortcut(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if segmentStart(r) != startsSegment(r) {
			t.Errorf("segmentStart(%U) = %v", r, !startsSegment(r))
		}
	}
}

package extract

import (
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestLineCredit reads a photographer from a body line that is only a
// parenthesized credit under a picture; an agency pair or a sentence in
// parentheses names none.
func TestLineCredit(t *testing.T) {
	got := lineCredits([]string{"(Mike Cason/mcason@al.com)", "(Reuters/Ipsos)", "(See the chart/table below for details)", "The text (A/B) goes on."})
	if strings.Join(got, "|") != "Mike Cason" {
		t.Errorf("lineCredits = %q, want [Mike Cason]", got)
	}
	const page = `<html><body><h1>A headline for the line credit test</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<p><img src="https://cdn.example.com/p/2014/01/cash.jpg" alt=""></p><p>Cash and cards seized during the arrest.</p>
<p><em>(Mike Cason/mcason@al.com)</em></p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/14.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(a.Photographers, "|") != "Mike Cason" {
		t.Errorf("photographers %q, want [Mike Cason]", a.Photographers)
	}
}

// TestLegendCredit reads the photographer from a caption classed as a
// legend (French légende) closing with "(Photo X. AGENCY)".
func TestLegendCredit(t *testing.T) {
	const page = `<html><body><h1>Un titre pour le test de la légende photo</h1>
<div class="object-picture"><img src="https://cdn.example.com/photo/465395/?width=476" alt="Le ministre"><div class="legende">Le ministre, le 27 octobre 2012 à Toulouse (Photo Lionel Bonaventure. AFP)</div></div>
<article><p>Le premier paragraphe de l'article est assez long pour être lu comme le texte, avec des virgules, et plus de mots.</p>
<p>Le deuxième paragraphe continue l'article longuement, pour que l'extracteur voie un corps de plusieurs paragraphes, et plus.</p>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/15.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(a.Photographers, "|") != "Lionel Bonaventure" {
		t.Errorf("photographers %q, want [Lionel Bonaventure]", a.Photographers)
	}
}

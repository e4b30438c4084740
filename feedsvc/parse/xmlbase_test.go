package parse

import "testing"

func TestXMLBaseAndLang(t *testing.T) {
	body := `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="/blog/">
<link href="index.html"/>
<entry xml:lang="de"><title>a</title><link href="a.html"/>
  <content type="html" xml:base="http://cdn.example/c/">&lt;img src="i.png"&gt;</content></entry>
<entry><title>b</title><link href="http://other.example/b"/><content type="html">x</content></entry>
</feed>`
	fi, arts, err := Feed([]byte(body), "https://site.example/feeds/atom.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Fatalf("got %d items, want 2", len(arts))
	}
	tests := []struct{ name, got, want string }{
		{"feed link", fi.Link, "https://site.example/blog/index.html"},
		{"entry url", arts[0].URL, "https://site.example/blog/a.html"},
		{"content base", arts[0].BaseURL, "http://cdn.example/c/"},
		{"entry lang", arts[0].Language, "de"},
		{"inherited base wins over item url", arts[1].BaseURL, "https://site.example/blog/"},
		{"inherited lang", arts[1].Language, "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

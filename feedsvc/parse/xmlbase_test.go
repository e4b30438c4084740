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

func TestRDFAbout(t *testing.T) {
	body := `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://e.org/index.rdf"><title>c</title><link>http://e.org/</link></channel>
<item rdf:about="http://e.org/entry/1"><title>no link</title></item>
<item rdf:about="http://e.org/entry/2"><title>own link</title><link>http://e.org/2.html</link></item>
<item rdf:about="urn:x:3"><title>urn</title></item>
</rdf:RDF>`
	_, arts, err := Feed([]byte(body), "https://e.org/index.rdf")
	if err != nil || len(arts) != 3 {
		t.Fatalf("got %d items, err %v", len(arts), err)
	}
	tests := []struct{ name, got, want string }{
		{"about is the guid", arts[0].GUID, "http://e.org/entry/1"},
		{"about is the link when none", arts[0].URL, "http://e.org/entry/1"},
		{"own link wins", arts[1].URL, "http://e.org/2.html"},
		{"about still the guid", arts[1].GUID, "http://e.org/entry/2"},
		{"non-http about is only the guid", arts[2].GUID + " " + arts[2].URL, "urn:x:3 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

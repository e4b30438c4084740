package fetch

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

func TestDecodeUTF8Labels(t *testing.T) {
	tests := []struct {
		name, ctype string
		in          []byte
		want        string
		charset     string
	}{
		{"header charset wins over prolog", "text/xml; charset=koi8-r",
			[]byte("<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>\xf0\xd2\xc9</t>"),
			"<?xml version=\"1.0\" encoding=\"utf-8\"?><t>При</t>", "koi8-r"},
		{"iso-8859-1 label reads C1 bytes as windows-1252", "",
			[]byte("<?xml version='1.0' encoding='ISO-8859-1'?><t>don\x92t caf\xe9</t>"),
			"<?xml version='1.0' encoding='utf-8'?><t>don\u2019t café</t>", "windows-1252"},
		{"valid UTF-8 is not converted despite label", "text/xml; charset=windows-1252",
			[]byte("<t>café 中文</t>"), "<t>café 中文</t>", "utf-8"},
		{"gb2312 label decodes GBK-only characters", "",
			[]byte("<?xml version=\"1.0\" encoding=\"gb2312\"?><t>\xd6\xec\xe9\x46\xbb\xf9</t>"),
			"<?xml version=\"1.0\" encoding=\"utf-8\"?><t>朱镕基</t>", "gb18030"},
		{"html meta charset", "",
			[]byte("<html><head><meta charset=\"big5\"></head><body>\xa4\xa4\xa4\xe5</body></html>"),
			"<html><head><meta charset=\"big5\"></head><body>中文</body></html>", "big5"},
		{"html http-equiv charset", "",
			[]byte(`<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">` + "\xb3\xe2"),
			`<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">` + "\ub144", "euc-kr"},
		{"utf-16be with BOM", "",
			[]byte("\xfe\xff\x00<\x00a\x00>\x4e\x2d"), "<a>中", "utf-16be"},
		{"utf-16le without BOM", "",
			[]byte("<\x00a\x00>\x00\x2d\x4e"), "<a>中", "utf-16le"},
		{"utf-8 BOM stripped", "text/html; charset=gbk",
			[]byte("\xef\xbb\xbf<a>é</a>"), "<a>é</a>", "utf-8"},
		{"undeclared latin-1 falls back to windows-1252", "",
			[]byte("<t>\xc9t\xe9 \x80</t>"), "<t>Été €</t>", "windows-1252"},
		{"mislabelled utf-8 label sniffs", "application/xml; charset=utf-8",
			[]byte("<t>na\xefve</t>"), "<t>naïve</t>", "windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, cs, err := DecodeUTF8(tt.in, tt.ctype)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got %q, want %q", out, tt.want)
			}
			if cs != tt.charset {
				t.Errorf("charset: got %q, want %q", cs, tt.charset)
			}
		})
	}
}

// TestPrologNamingUTF8KeptAsIs: a valid UTF-8 body whose XML declaration
// names UTF-8 in any letter case comes back as the very input bytes (no
// copy); one naming another encoding gets encoding="utf-8".
func TestPrologNamingUTF8KeptAsIs(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`, `<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
		{"\n<?xml version='1.0' encoding = 'Utf-8'?><rss/>", "\n<?xml version='1.0' encoding = 'Utf-8'?><rss/>"},
		{`<?xml version="1.0" encoding="utf-8"?><rss/>`, `<?xml version="1.0" encoding="utf-8"?><rss/>`},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><rss>é</rss>`, `<?xml version="1.0" encoding="utf-8"?><rss>é</rss>`},
		{`<?xml version="1.0" encoding="utf8"?><rss>é</rss>`, `<?xml version="1.0" encoding="utf-8"?><rss>é</rss>`},
		{`<?xml version="1.0" encoding=" UTF-8"?><rss>é</rss>`, `<?xml version="1.0" encoding="utf-8"?><rss>é</rss>`},
	} {
		in := []byte(tt.in)
		out, cs, err := DecodeUTF8(in, "")
		if err != nil || string(out) != tt.want || cs != "utf-8" {
			t.Errorf("DecodeUTF8(%q) = %q, %q, %v; want %q, utf-8", tt.in, out, cs, err, tt.want)
		}
		if tt.in == tt.want && &out[0] != &in[0] {
			t.Errorf("DecodeUTF8(%q) copied the body", tt.in)
		}
	}
}

func FuzzDecodeUTF8(f *testing.F) {
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"gbk\"?><rss>\xd6\xd0</rss>"), "")
	f.Add([]byte("\xff\xfe<\x00r\x00"), "text/xml")
	f.Add([]byte("\xfe\xff\x00"), "")
	f.Add([]byte("<t>don\xc2\x92t \xc2\x81</t>"), "text/html; charset=utf-8")
	f.Add([]byte("<meta charset=big5>\xa4"), "")
	f.Add([]byte("\x00<\x00?\x00x\x00m\x00l"), "text/xml; charset=utf-16")
	f.Add([]byte("<?xml encoding='"), "charset=")
	f.Fuzz(func(t *testing.T, in []byte, ctype string) {
		out, _, err := DecodeUTF8(in, ctype)
		if err != nil {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8 output %q for %q", out, in)
		}
	})
}

// FuzzHasC1: fixC1 changes nothing exactly when hasC1 finds no C1
// character, by the rune walk's own reckoning.
func FuzzHasC1(f *testing.F) {
	for _, s := range []string{"", "\xc2", "\xc2\x80", "a\xc2\xa0b", "\xc2\xc2\x9f", "\xe2\x80\x99", "\xf0\xc2\x80", "\xc3\x80", "x\xc2\x9fy"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want := false
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRune(b[i:])
			want = want || r >= 0x80 && r <= 0x9F && size == 2
			i += size
		}
		if got := hasC1(b); got != want {
			t.Errorf("hasC1(%q) = %v, the rune walk says %v", b, got, want)
		}
	})
}

// FuzzFinishValid: for valid UTF-8 input, finish without its closing
// check gives what it gives with it (its steps keep text valid).
func FuzzFinishValid(f *testing.F) {
	for _, s := range []string{"", "\uFEFF<?xml version='1.0' encoding='GBK'?><a>\u0092</a>", "<t>don\xc2\x92t \xc2\x81\xc2\x9d</t>",
		"<?xml encoding=\"\xe4\xb8\xad\"?>", "\uFEFF\uFEFF"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !utf8.Valid(b) {
			return
		}
		got, want := finish(bytes.Clone(b), true), finish(bytes.Clone(b), false)
		if !bytes.Equal(got, want) || !utf8.Valid(got) {
			t.Errorf("finish(%q, true) = %q, want %q", b, got, want)
		}
	})
}

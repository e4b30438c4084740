package fetch

import (
	"strings"
	"testing"
)

// A UTF-8 document with one stray byte keeps UTF-8: the stray byte becomes
// U+FFFD and every other character stays as written (issue 15 item 8).
func TestDecodeUTF8OneInvalidByte(t *testing.T) {
	titles := "<item><title>Café crème</title></item><item><title>中文标题</title></item>" +
		"<item><title>Ünïcödé – “quotes”</title></item>"
	tests := []struct {
		name, ctype, in, want string
	}{
		{"declared by header", "application/rss+xml; charset=utf-8",
			"<rss>" + titles + "<item><title>bad \xff byte</title></item></rss>",
			"<rss>" + titles + "<item><title>bad \uFFFD byte</title></item></rss>"},
		{"declared by prolog", "",
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>\xff" + titles + "</rss>",
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>\uFFFD" + titles + "</rss>"},
		{"undeclared, valid mostly", "",
			"<rss>" + titles + "\xc3</rss>", "<rss>" + titles + "\uFFFD</rss>"},
		// A run of invalid bytes becomes one U+FFFD (bytes.ToValidUTF8).
		{"latin header over utf-8 bytes", "text/xml; charset=iso-8859-1",
			"<rss>" + titles + "\xe9\xff</rss>", "<rss>" + titles + "\uFFFD</rss>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, cs, err := DecodeUTF8([]byte(tt.in), tt.ctype)
			if err != nil {
				t.Fatal(err)
			}
			if cs != "utf-8" {
				t.Errorf("charset: got %q, want utf-8", cs)
			}
			if string(out) != tt.want {
				t.Errorf("got  %q\nwant %q", out, tt.want)
			}
		})
	}
}

// Latin text with a lying UTF-8 label, and GBK text, still decode as what
// they are: a few accidental UTF-8 sequences do not make a UTF-8 document.
func TestDecodeUTF8MostlyInvalidIsNotUTF8(t *testing.T) {
	latin := "<t>caf\xe9 cr\xe8me na\xefve \xc3\xa9l\xe8ve d\xe9j\xe0 \xe0 la fa\xe7on</t>"
	out, cs, err := DecodeUTF8([]byte(latin), "text/xml; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if cs != "windows-1252" || !strings.Contains(string(out), "café crème naïve") {
		t.Errorf("got %q (%s), want windows-1252 text", out, cs)
	}
	gbk := "<?xml version=\"1.0\" encoding=\"gbk\"?><t>" + strings.Repeat("\xd6\xd0\xce\xc4\xc2\xb7", 6) + "</t>"
	out, cs, err = DecodeUTF8([]byte(gbk), "")
	if err != nil {
		t.Fatal(err)
	}
	if cs != "gb18030" || !strings.Contains(string(out), "中文") {
		t.Errorf("got %q (%s), want gb18030 text", out, cs)
	}
}

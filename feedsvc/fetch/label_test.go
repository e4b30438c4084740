package fetch

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestServerDefaultCharsetYieldsToTheDocument(t *testing.T) {
	page := gbk(t, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>测试标题</title></head><body><p>上海证券交易所今天收盘，沪指收涨百分之一。</p></body></html>`)
	out, cs, err := DecodeUTF8(page, "text/html; charset=ISO-8859-1")
	if err != nil || cs != "gb18030" || !strings.Contains(string(out), "沪指收涨") {
		t.Errorf("got charset %q, text %q, %v", cs, out, err)
	}
	if l := declaredLabel(page, "text/html; charset=utf-8"); l != "utf-8" {
		t.Errorf("a non-default header charset still wins: got %q", l)
	}
}

func TestUndeclaredShortGBK(t *testing.T) {
	feed := gbk(t, `<rss version="2.0"><channel><title>财经</title><item><title>沪指收涨</title><description>两市成交额放大。</description></item></channel></rss>`)
	out, cs, err := DecodeUTF8(feed, "")
	if err != nil || cs != "gb18030" || !strings.Contains(string(out), "沪指收涨") {
		t.Errorf("got charset %q, text %q, %v", cs, out, err)
	}
	latin := []byte("<rss><channel><title>Caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fa\xe7on de ma grand-m\xe8re, d\xe9j\xe0 vu \xe9t\xe9 na\xefve</title></channel></rss>")
	if _, cs, _ := DecodeUTF8(latin, ""); cs != "windows-1252" {
		t.Errorf("Latin text read as %q, want windows-1252", cs)
	}
}

package main

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// placeholderJPEG is the picture serve-dir answers for every .jpg that
// is not a file, so the images gen-feed links to exist on the same
// loopback server and the service's media prober completes them there.
var placeholderJPEG = sync.OnceValue(func() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 16, 9))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	img.Set(0, 0, color.Black)
	var b bytes.Buffer
	_ = jpeg.Encode(&b, img, &jpeg.Options{Quality: 50}) // a bytes.Buffer never fails
	return b.Bytes()
})

// placeholderTime is the placeholder's Last-Modified.
var placeholderTime = time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)

// withPlaceholders serves files from dir and the placeholder JPEG for a
// missing .jpg path.
func withPlaceholders(dir string, files http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(p, ".jpg") {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				w.Header().Set("Content-Type", "image/jpeg")
				http.ServeContent(w, r, path.Base(p), placeholderTime, bytes.NewReader(placeholderJPEG()))
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

package dump

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Counts reports how many records of each type were written or read.
type Counts struct {
	Articles, States, Blobs int
}

func (c Counts) String() string {
	return fmt.Sprintf("%d articles, %d source states, %d blobs", c.Articles, c.States, c.Blobs)
}

// add counts one record of type typ.
func (c *Counts) add(typ string) {
	switch typ {
	case feedsvc.RecordArticle:
		c.Articles++
	case feedsvc.RecordState:
		c.States++
	case feedsvc.RecordBlob:
		c.Blobs++
	}
}

// ExportOptions configure Export.
type ExportOptions struct {
	// SkipBlobs lists blob key prefixes not exported: caches the service
	// rebuilds (rendered documents).
	SkipBlobs []string
}

// Export writes every record of src to w as JSON Lines.
func Export(ctx context.Context, w io.Writer, src feedsvc.Dumper, o ExportOptions) (Counts, error) {
	var n Counts
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err := src.Dump(ctx, func(r feedsvc.Record) error {
		if r.Type == feedsvc.RecordBlob && skipped(r.Key, o.SkipBlobs) {
			return nil
		}
		n.add(r.Type)
		return enc.Encode(r)
	})
	if err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export: write: %w", err)
	}
	return n, nil
}

// skipped reports whether key starts with one of prefixes.
func skipped(key string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

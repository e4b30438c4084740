// Package media owns enclosure enrichment: RSS requires an enclosure's
// length and type, and many sources give neither. Prober asks each media
// URL once with HEAD and keeps the answer in the store, so every replica
// and every later poll reuse it.
package media

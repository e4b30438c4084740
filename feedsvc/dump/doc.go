// Package dump owns the portable form of a store: Export writes every
// record a feedsvc.Dumper holds as JSON Lines (one feedsvc.Record per
// line, each with its type and version; an article is its JSON record,
// version 2, which the stores keep in a compressed form of their own
// (feedsvc.EncodeArticle), and
// the check-shaped articles of older exports still import), and Import loads such a stream into an empty
// feedsvc.Store of any backend. It is how a deployment is backed up and
// how it moves from the disk store to Redis.
package dump

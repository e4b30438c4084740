// Package web owns the human-facing end of the publish step: server-rendered
// HTML pages for the index and each section (so a person who opens a
// channel URL in a browser sees a readable page rather than raw XML), an
// OPML 2.0 list of every channel, and a Google News sitemap per section.
// It reads articles from the feedsvc.Store and never writes.
package web

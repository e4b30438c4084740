// Package render owns the render step of the flow
// (store → render → httpapi): it turns a feedsvc.Channel into RSS 2.0,
// Atom 1.0 and JSON Feed 1.1 bytes. Output is deterministic (identical
// Channels give identical bytes), items keep the Channel's order in every
// format, every item carries the same permanent tag: URI id (itemID), and
// all text is stripped of characters illegal in XML 1.0 (and of C1
// controls). escape.go holds the one escaping rule for every text→HTML
// and HTML→XML boundary, so plain text is never read as markup.
//
// The project builds on github.com/gorilla/feeds, whose exported XML and
// JSON structs are embedded here rather than used through feeds.Feed:
// its converters emit an empty Atom <updated>, random urn:uuid ids, a
// single link, no atom:link rel="self", no xml:lang, one category, no
// media and a JSON attachment "size" member where JSON Feed says
// "size_in_bytes". Our structs embed feeds.RssFeedXml, RssFeed, RssItem,
// AtomFeed, AtomEntry, JSONFeed and JSONItem and add or shadow fields:
// encoding/xml and encoding/json both let a shallower field hide an
// embedded one of the same name, so a single-valued gorilla field
// (Category, Author, Link, Source) is replaced by a list or by an element
// with attributes, and the extra fields land after the embedded ones,
// which keeps Atom links before entries. Namespaced elements (atom:link,
// dc:creator (one, naming every author), media:content, fh:archive) are written with literal
// prefixes, as gorilla writes content:encoded, and every prefix is
// declared once on the root element.
//
// Small leaf types are our own where gorilla has none or its own cannot
// express the element: media:content, an RSS <source url>, atom:link
// inside RSS (feeds.AtomLink fixes the element name), Atom category and
// source, Atom title, rights, summary and content (written as pre-escaped
// inner XML so HTML keeps its quotes and newlines instead of &#34; and
// &#xA;, with the type the text needs), RSS title and description (inner
// XML in the RSS Profile's &#x26; form, before content:encoded), JSON
// Feed attachments and the "_feedsvc" extension.
package render

// Package extract owns the "extract" step of the flow for HTML sources:
// a section list page becomes a feedsvc.ListPage of article links, and an
// article page becomes one feedsvc.Article with typed news metadata and a
// clean body. It does no I/O; the caller hands it UTF-8 text
// (fetch.Response.Text). Links resolve with the core's one resolver
// (feedsvc.WebURL) and an undeclared language is guessed with
// feedsvc.ScriptLanguage, as normalize guesses it.
//
// Evidence is read in a fixed order: JSON-LD NewsArticle/Article, then
// OpenGraph, article:* and other <meta> tags, then per-source rules
// (feedsvc.ArticleRules), then generic extraction from the page. Two
// exceptions: the title is the page's <h1> when the page's own titles
// (JSON-LD headline, og:title, <title>) contain it, since those carry
// site suffixes and SEO rewordings; and a date without a time of day
// gives way to a later piece of evidence naming the same day with its
// time (labels.PreferTimed). A page's only <time datetime> element,
// wherever it stands, comes after the dated elements before the body;
// publication times assigned in page scripts are the last evidence. An
// update time the page shows wins over metadata; a time shown without
// its zone is written in the zone the page prints its times in, told by
// an instant the page gives both ways (a meta time with its zone beside
// the shown wall clock). Structured authors give way to the byline the
// page shows when it names them all and more, or none of them. The
// language is the declared one unless it is
// missing, not a BCP 47 tag, or a non-CJK tag on a Chinese text.
//
// The generic body candidate comes from codeberg.org/readeck/go-readability
// (Mozilla Readability's scoring). Before scoring, every element of the page
// is tagged with a private data attribute, so each element of the
// readability output can be traced back to the page: that tells where the
// body sits relative to the headline (the metadata zone between them) and
// lets caption detection see classes and inline styles readability strips.
// When readability finds nothing, a small paragraph-density scorer is the
// fallback.
//
// Chinese and English newspaper metadata lines (来源, 作者, 记者, 摄,
// 责任编辑, 原标题, 引题, 副题, "Source:", "Editor in charge:",
// "Photographer/") are read by package labels, which owns those rules for
// pages and feed items alike; lines made only of such labels are removed
// from the body.
package extract

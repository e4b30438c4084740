// Package extract owns the "extract" step of the flow for HTML sources:
// a section list page becomes a feedsvc.ListPage of article links, and an
// article page becomes one feedsvc.Article with typed news metadata and a
// clean body. It does no I/O; the caller hands it UTF-8 text
// (fetch.Response.Text). Links resolve with the core's one resolver
// (feedsvc.WebURL) and an undeclared language is guessed with
// feedsvc.GuessLanguage, as normalize guesses it.
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
// fallback. Text a page hides with visibility:hidden until its scripts run
// is shown to readability first; when readability picks text wholly
// outside the <article> element holding the headline, the body is read
// from that element.
//
// The body is then cleaned by rules judged at its edges (clean.go,
// edges.go): furniture patterns (disclaimers, promotions, hotlines, staff
// lines, read counters) and structural signals — caption and credit
// elements of the page, a caption followed by its credit, display lines
// without a sentence before the text, highlight boxes, link-only blocks,
// pagers and section headings that end the article, author notes.
//
// Pictures are the body's <img> elements in page order, less furniture
// (logos, icons, profile boxes), video players' stills and teasers under
// a related-stories heading; a caption the body copy lost is read on the
// page original. The declared lead image (og:image) comes first when the
// body does not show it and it is a photo of the story: never shown
// beside body pictures, it counts only on a page declaring a large
// picture card outside the body pictures' folder. A lead read from meta
// has no alt. Photographers come from credit lines and from caption and
// credit elements of the article's pictures.
//
// Chinese and English newspaper metadata lines (来源, 作者, 记者, 摄,
// 责任编辑, 原标题, 引题, 副题, "Source:", "Editor in charge:",
// "Photographer/") are read by package labels, which owns those rules for
// pages and feed items alike; lines made only of such labels are removed
// from the body.
package extract

package normalize

import "golang.org/x/net/html/atom"

// The tag classes of quickParse, as the HTML parser's body insertion mode
// (golang.org/x/net/html, inBodyIM) lists them.

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func atomSet(as ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(as))
	for _, a := range as {
		m[a] = true
	}
	return m
}

var (
	// blockStarts close an open <p>, then open (the parser's list).
	blockStarts = atomSet(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Search, atom.Section,
		atom.Summary, atom.Ul, atom.Pre, atom.Listing)
	// blockEnds end after the implied end tags (the parser's list, but
	// <button> and <select>, whose start tags quickParse refuses).
	blockEnds = atomSet(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Header, atom.Hgroup, atom.Listing, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.Pre, atom.Search,
		atom.Section, atom.Summary, atom.Ul)
	// impliedEnds are the elements generateImpliedEndTags pops.
	impliedEnds = atomSet(atom.Dd, atom.Dt, atom.Li, atom.Optgroup, atom.Option, atom.P, atom.Rb, atom.Rp,
		atom.Rt, atom.Rtc)
	// formatting are the parser's formatting elements but <nobr>.
	formatting = atomSet(atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.S, atom.Small,
		atom.Strike, atom.Strong, atom.Tt, atom.U)
	// voidStarts are added and popped at once.
	voidStarts = atomSet(atom.Area, atom.Br, atom.Embed, atom.Img, atom.Keygen, atom.Wbr, atom.Param,
		atom.Source, atom.Track, atom.Hr)
	// plainStarts are known elements the parser's body mode only opens
	// (its default case); every element with a case of its own is left
	// out, and unknown elements (atom 0) are opened too.
	plainStarts = atomSet(atom.Span, atom.Abbr, atom.Acronym, atom.Bdi, atom.Bdo, atom.Cite, atom.Data,
		atom.Dfn, atom.Ins, atom.Del, atom.Kbd, atom.Label, atom.Mark, atom.Q, atom.Samp, atom.Sub, atom.Sup,
		atom.Time, atom.Var, atom.Picture, atom.Video, atom.Audio, atom.Ruby, atom.Map, atom.Output,
		atom.Meter, atom.Progress, atom.Canvas)
)

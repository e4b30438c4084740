// Package fetch owns the first step of the flow: it GETs a source politely
// (timeouts, size caps, conditional requests, redirect limits) and safely
// (no private or loopback addresses unless allowed, checked at dial time,
// or before a proxy from HTTP_PROXY/HTTPS_PROXY/NO_PROXY is asked), and
// DecodeUTF8 turns the raw bytes of a feed or page into UTF-8 so the parse
// and extract steps only ever see one encoding.
package fetch

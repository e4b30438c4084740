// Package fetch owns the first step of the flow: it GETs a source politely
// (timeouts, size caps, conditional requests, redirect limits) and safely
// (no private or loopback addresses unless allowed, checked at dial time,
// or before a proxy from HTTP_PROXY/HTTPS_PROXY/NO_PROXY is asked), and
// hands over a feed or page as UTF-8 text plus the charset it decided
// (Response.Text, built on CheckDocument and DecodeUTF8), so the parse and
// extract steps only ever see one encoding and never decode bytes
// themselves.
package fetch

package fetch

// Text returns the body as UTF-8 and the charset it was decoded from,
// when the response is a feed or an HTML page: CheckDocument refuses other
// bodies (its error wraps ErrNotDocument), then DecodeUTF8 decides the
// encoding and converts. The result is kept, so the parse and extract
// steps get one decoded copy however often it is asked for; a Response is
// not safe for concurrent use. A NotModified response has no text.
func (r *Response) Text() (text []byte, charset string, err error) {
	if r.decoded {
		return r.text, r.charset, r.textErr
	}
	r.decoded = true
	if r.textErr = CheckDocument(r.Body, r.ContentType); r.textErr == nil {
		r.text, r.charset, r.textErr = DecodeUTF8(r.Body, r.ContentType)
	}
	return r.text, r.charset, r.textErr
}

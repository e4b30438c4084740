// Package admin owns the admin API: list, get, create, update and delete
// sections and sources, and trigger a source refresh. It is protected by
// a bearer token (constant-time comparison); without a token it is
// disabled, never open. JSON in, JSON out; validation errors are 400 with
// the field name.
package admin

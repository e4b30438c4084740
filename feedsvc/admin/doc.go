// Package admin owns the admin API: list, get, create, update and delete
// sections and sources, and trigger a source refresh. It is protected by
// a bearer token (constant-time comparison); without a token it is
// disabled, never open. JSON in, JSON out; errors get the status
// respond.Status gives their kind (validation 400 with the field name,
// not found 404, conflict 409, …). Its routes are listed in httpapi's
// route list.
package admin

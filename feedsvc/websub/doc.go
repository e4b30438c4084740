// Package websub owns publishing to WebSub hubs: when a section gains or
// changes articles, it POSTs hub.mode=publish&hub.url=<channel URL> to every
// configured hub for every affected channel URL, from a background queue
// with retries and exponential backoff. Failures are logged and counted;
// they never block ingest.
package websub

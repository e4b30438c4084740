// Package partner keeps the partners that syndicate channels: their
// hashed keys in one store blob, a token bucket per partner, and hourly
// usage counts.
package partner

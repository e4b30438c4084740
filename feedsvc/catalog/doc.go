// Package catalog owns the live set of sections and sources. The YAML file
// seeds it on first start; after that the copy in the store wins, so
// changes made through the admin API persist and reach every replica
// (each replica watches a version counter in the store and reloads).
// Every entry is checked by the core's validators (feedsvc.ValidateSource,
// feedsvc.ValidateSection) and stored in its wire form (feedsvc.SourceSpec).
package catalog

// Package status owns the health views: GET /api/status (JSON) and
// GET /status (HTML) list the sources with their fetch state, freshness
// lag and drift alarms, unhealthy first, a page at a time, filtered by
// health, section and a text in the source id or URL; and every section
// (or the filtered one) with the worst health of its sources.
package status

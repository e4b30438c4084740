// Package status owns the health views: GET /api/status (JSON) and
// GET /status (HTML) list every source with its fetch state, freshness
// lag and drift alarms, and every section with the worst health of its
// sources.
package status

package config

// Var documents one environment variable: its name, its default as a
// person reads it and what it sets. Vars is the one table `feedsvc help`
// prints and README.md mirrors; a variable Load reads must be listed.
type Var struct {
	Name, Default, Meaning string
}

// Vars lists every environment variable, grouped as the help text shows it.
var Vars = []Var{
	{"LISTEN_ADDR", "127.0.0.1:8080", "address the HTTP server binds"},
	{"BASE_URL", "http://LISTEN_ADDR (0.0.0.0 -> 127.0.0.1)", "public base URL used in self links and feed ids"},
	{"FEEDSVC_CONFIG", "", "YAML file of sections and sources (or serve -config)"},
	{"REDIS_URL", "", "redis://[:password@]host:port/db; empty selects the embedded store"},
	{"REDIS_URL_FILE", "", "file holding REDIS_URL (Docker secret style)"},
	{"REDIS_PREFIX", "feedsvc:", "prefix of every Redis key"},
	{"FEEDSVC_ALLOW_PRIVATE_NETWORKS", "false", "allow sources on loopback/private/link-local addresses"},
	{"FETCH_TIMEOUT", "20s", "timeout of one outbound request"},
	{"FETCH_MAX_BYTES", "10485760", "body cap of one outbound response"},
	{"INGEST_CONCURRENCY", "4", "sources polled at once"},
	{"MAX_POLL_INTERVAL", "6h", "cap of the wait between two polls of a source"},
	{"POLL_LEASE_TTL", "30s", "how long a replica's lease on a source lasts"},
	{"NEAR_DUP_DISTANCE", "3", "SimHash distance (0-32) at which two stories are one; -1 disables"},
	{"ADMIN_TOKEN", "", "bearer token of the admin API; empty disables the API"},
	{"ADMIN_TOKEN_FILE", "", "file holding ADMIN_TOKEN"},
	{"METRICS_TOKEN", "", "bearer token /metrics requires; empty: no token"},
	{"METRICS_TOKEN_FILE", "", "file holding METRICS_TOKEN"},
	{"METRICS_ALLOWED_NETWORKS", "", "comma-separated CIDRs allowed to read /metrics; empty: any"},
	{"STATUS_PUBLIC", "true", "false hides /status and /api/status behind ADMIN_TOKEN"},
	{"LOG_LEVEL", "info", "debug, info, warn or error"},
	{"LOG_FORMAT", "text", "text or json"},
}

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
	{"BASE_URL", "http://LISTEN_ADDR (0.0.0.0 -> 127.0.0.1)", "public base URL used in self and alternate links (never in ids)"},
	{"ID_AUTHORITY", "host of BASE_URL", "authority of every item and feed id, recorded at the store's first start and fixed from then on"},
	{"FEEDSVC_CONFIG", "", "YAML file of sections and sources (or serve -config)"},
	{"REDIS_URL", "", "redis://[:password@]host:port/db; empty selects the disk store"},
	{"REDIS_URL_FILE", "", "file holding REDIS_URL (Docker secret style)"},
	{"REDIS_PREFIX", "feedsvc:", "prefix of every Redis key"},
	{"REDIS_MODE", "single", "single, cluster (REDIS_URL names one node, ?addr=host:port the others) or sentinel (REDIS_URL names the sentinels)"},
	{"REDIS_SENTINEL_MASTER", "", "name of the primary the sentinels watch (REDIS_MODE=sentinel)"},
	{"DATA_DIR", "./data", "directory of the disk store (created at start)"},
	{"DATA_MAPPED_MAX", "83886080", "bytes of file pages mapped into the process above which the disk store drops its file's (0: no bound)"},
	{"DATA_RELEASE_INTERVAL", "0 (off)", "how often the disk store drops the file pages mapped into the process (lower RSS, more CPU)"},
	{"STORE", "disk (redis when REDIS_URL is set)", "disk, redis or memory (in process, lost on exit)"},
	{"RETAIN", "redis: 90d; disk: forever", "default retain (maximum age) of a section that sets none"},
	{"RETAIN_ITEMS", "redis: 10000; disk: no bound", "default retain_items of a section (-1: no bound)"},
	{"FEEDSVC_ALLOW_PRIVATE_NETWORKS", "false", "allow sources on loopback/private/link-local addresses"},
	{"USER_AGENT", "feedsvc/VERSION (+https://github.com/feedsvc/feedsvc)", "User-Agent of every outbound request"},
	{"HTTP_PROXY", "", "proxy for http sources (HTTPS_PROXY for https, NO_PROXY for exceptions)"},
	{"FETCH_TIMEOUT", "20s", "timeout of one outbound request"},
	{"FETCH_MAX_BYTES", "10485760", "body cap of one outbound response"},
	{"INGEST_CONCURRENCY", "4", "sources polled at once"},
	{"RENDER_CACHE_BYTES", "33554432", "bytes of rendered documents kept in process (at least 1 MiB)"},
	{"GOMEMLIMIT", "112 MiB + RENDER_CACHE_BYTES, or 1.5x the live heap when more", "Go's soft memory limit of serve (e.g. 512MiB, or off)"},
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
	{"PPROF_ADDR", "", "loopback host:port serving Go's /debug/pprof profiles; empty: off"},
}

package main

// userAgent is the User-Agent of outbound requests: USER_AGENT when set,
// else the service's name and version.
func userAgent(setting string) string {
	if setting != "" {
		return setting
	}
	return "feedsvc/" + version + " (+https://github.com/feedsvc/feedsvc)"
}

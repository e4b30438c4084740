package websub

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Publisher queues publish pings and sends them to the hubs.
type Publisher struct {
	Hubs    []string
	Client  *http.Client // default: 10s timeout
	Log     *slog.Logger
	Retries int           // attempts after the first; default 4
	Backoff time.Duration // first retry delay, doubled each time; default 1s
	// Result, when set, is told the outcome of every ping (for metrics).
	Result func(hub string, ok bool)

	once  sync.Once
	queue chan ping
}

type ping struct{ hub, topic string }

// queueSize bounds pending pings; when full, new pings are dropped and logged.
const queueSize = 1024

func (p *Publisher) init() {
	p.once.Do(func() { p.queue = make(chan ping, queueSize) })
}

// Publish queues a ping for every topic URL at every hub. It never blocks.
func (p *Publisher) Publish(topics []string) {
	p.init()
	for _, hub := range p.Hubs {
		for _, topic := range topics {
			select {
			case p.queue <- ping{hub, topic}:
			default:
				p.log().Warn("websub: queue full, ping dropped", "hub", hub, "topic", topic)
				p.result(hub, false)
			}
		}
	}
}

// Run sends queued pings until ctx is done, with `workers` in parallel.
func (p *Publisher) Run(ctx context.Context, workers int) {
	p.init()
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-ctx.Done():
					return
				case pg := <-p.queue:
					p.send(ctx, pg)
				}
			}
		}()
	}
	wg.Wait()
}

// send posts one ping, retrying with exponential backoff and jitter.
func (p *Publisher) send(ctx context.Context, pg ping) {
	retries, delay := p.Retries, p.Backoff
	if retries <= 0 {
		retries = 4
	}
	if delay <= 0 {
		delay = time.Second
	}
	var err error
	for attempt := 0; attempt <= retries; attempt++ {
		if attempt > 0 {
			wait := delay + time.Duration(rand.Int64N(int64(delay)/2+1))
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
			delay *= 2
		}
		if err = p.post(ctx, pg); err == nil {
			p.result(pg.hub, true)
			return
		}
	}
	p.log().Error("websub: publish failed", "hub", pg.hub, "topic", pg.topic, "attempts", retries+1, slog.Any("error", err))
	p.result(pg.hub, false)
}

func (p *Publisher) post(ctx context.Context, pg ping) error {
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {pg.topic}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, pg.hub, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("websub %s: %w", pg.hub, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	client := p.Client
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("websub %s: %w", pg.hub, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("websub %s: status %d", pg.hub, resp.StatusCode)
	}
	return nil
}

func (p *Publisher) result(hub string, ok bool) {
	if p.Result != nil {
		p.Result(hub, ok)
	}
}

func (p *Publisher) log() *slog.Logger {
	if p.Log != nil {
		return p.Log
	}
	return slog.Default()
}

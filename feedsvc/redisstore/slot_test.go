package redisstore_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
	"github.com/feedsvc/feedsvc/feedsvc/testenv/redisenv"
)

// crc16 is the CRC-16/XMODEM of the Redis Cluster specification.
func crc16(s string) uint16 {
	var crc uint16
	for i := 0; i < len(s); i++ {
		crc ^= uint16(s[i]) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}

// keySlot is the cluster slot of key: the CRC16 of its hash tag (the text
// between the first { and the next }, when not empty) or of the key.
func keySlot(key string) int {
	if i := strings.IndexByte(key, '{'); i >= 0 {
		if j := strings.IndexByte(key[i+1:], '}'); j > 0 {
			key = key[i+1 : i+1+j]
		}
	}
	return int(crc16(key)) % 16384
}

// cmdKeys returns the keys of the commands that name several and must
// stay in one slot (scripts, WATCH, multi-key deletes). MGET is left out:
// the store sends it to a single node only (a pipeline of GETs on a
// cluster), where it is one read, not a unit of atomicity.
func cmdKeys(c redis.Cmder) []string {
	args := c.Args()
	str := func(v []any) []string {
		out := make([]string, len(v))
		for i, a := range v {
			out[i] = fmt.Sprint(a)
		}
		return out
	}
	switch strings.ToLower(c.Name()) {
	case "eval", "evalsha", "eval_ro", "evalsha_ro":
		n, _ := strconv.Atoi(fmt.Sprint(args[2]))
		return str(args[3 : 3+n])
	case "watch", "del", "unlink", "exists", "touch":
		return str(args[1:])
	}
	return nil
}

// slotHook records every command that names keys of more than one slot,
// and every MULTI/EXEC block whose commands do.
type slotHook struct {
	mu         sync.Mutex
	multi, bad []string
}

func (h *slotHook) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *slotHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, c redis.Cmder) error {
		h.check([]redis.Cmder{c})
		return next(ctx, c)
	}
}

func (h *slotHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.check(cmds)
		return next(ctx, cmds)
	}
}

// check records the multi-key commands of cmds and those whose keys span
// slots; a MULTI ... EXEC block counts as one command.
func (h *slotHook) check(cmds []redis.Cmder) {
	h.mu.Lock()
	defer h.mu.Unlock()
	tx := len(cmds) > 0 && strings.EqualFold(cmds[0].Name(), "multi")
	var block []string
	for _, c := range cmds {
		keys := cmdKeys(c)
		if !tx && len(keys) < 2 {
			continue
		}
		if tx {
			if len(c.Args()) > 1 && !strings.EqualFold(c.Name(), "exec") {
				block = append(block, fmt.Sprint(c.Args()[1]))
			}
			block = append(block, keys...)
			continue
		}
		h.record(c.Name(), keys)
	}
	if tx {
		h.record("multi", block)
	}
}

func (h *slotHook) record(name string, keys []string) {
	h.multi = append(h.multi, name)
	for _, k := range keys[1:] {
		if keySlot(k) != keySlot(keys[0]) {
			h.bad = append(h.bad, fmt.Sprintf("%s %q", name, keys))
			return
		}
	}
}

// TestOneSlotPerOperation runs the store contract through a client that
// checks every script, WATCH, transaction and multi-key command: each
// must name keys of one cluster slot only, so that puts, index moves and
// leases stay atomic on a Redis Cluster.
func TestOneSlotPerOperation(t *testing.T) {
	h := &slotHook{}
	storetest.Run(t, func(t *testing.T) feedsvc.Store {
		c := redis.NewClient(client(t).Options())
		c.AddHook(h)
		t.Cleanup(func() { c.Close() })
		prefix := fmt.Sprintf("test:slot:%s:", strings.ReplaceAll(t.Name(), "/", "-"))
		s, err := redisstore.New(t.Context(), redisstore.Options{Client: c, Prefix: prefix})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { deletePrefix(context.Background(), client(t), prefix) })
		return s
	})
	if len(h.multi) < 100 {
		t.Errorf("only %d multi-key commands seen: is the hook wired?", len(h.multi))
	}
	for _, b := range h.bad {
		t.Errorf("keys in more than one slot: %s", b)
	}
}

// TestKeySlot checks keySlot against the spec's example and, on a
// cluster, against CLUSTER KEYSLOT for the store's key forms.
func TestKeySlot(t *testing.T) {
	if got := keySlot("123456789"); got != 12739 {
		t.Fatalf("keySlot(123456789) = %d, want 12739", got)
	}
	e := redisenv.ClusterEngine(t)
	if e.URL == "" {
		return
	}
	c := e.Client(t)
	for _, k := range []string{"feedsvc:a:{id1}", "feedsvc:m:{id1}", "feedsvc:s:{news}", "x{}y", "{a}{b}", "plain"} {
		want, err := c.ClusterKeySlot(t.Context(), k).Result()
		if err != nil {
			t.Fatal(err)
		}
		if got := keySlot(k); int64(got) != want {
			t.Errorf("keySlot(%q) = %d, CLUSTER KEYSLOT says %d", k, got, want)
		}
	}
}

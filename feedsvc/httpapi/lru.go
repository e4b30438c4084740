package httpapi

import (
	"container/list"
	"sync"
)

// DefaultCacheBytes bounds the rendered documents kept in process.
const DefaultCacheBytes = 64 << 20

// docCache keeps one rendered entry per document (section, format, query)
// — the newest version rendered — and evicts the least recently used
// documents beyond a byte budget. The entry of an older version is what
// is served while a newer one renders or while the store is down.
type docCache struct {
	mu     sync.Mutex
	budget int64
	size   int64
	order  *list.List // front: most recently used; values are *docSlot
	slots  map[string]*list.Element
}

type docSlot struct {
	doc string
	key string // cache key (with version) of e
	e   *entry
}

func newDocCache(budget int64) *docCache {
	if budget <= 0 {
		budget = DefaultCacheBytes
	}
	return &docCache{budget: budget, order: list.New(), slots: map[string]*list.Element{}}
}

// get returns the entry stored for doc and whether it is the one of key
// (current); a non-current entry is the last good one.
func (c *docCache) get(doc, key string) (e *entry, current bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.slots[doc]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	s := el.Value.(*docSlot)
	return s.e, s.key == key
}

// put stores e as doc's entry (replacing an older version) and evicts
// least recently used documents over the budget, never e itself.
func (c *docCache) put(doc, key string, e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.slots[doc]; ok {
		s := el.Value.(*docSlot)
		c.size -= s.e.bytes()
		s.key, s.e = key, e
		c.order.MoveToFront(el)
	} else {
		c.slots[doc] = c.order.PushFront(&docSlot{doc: doc, key: key, e: e})
	}
	c.size += e.bytes()
	for c.size > c.budget && c.order.Len() > 1 {
		last := c.order.Back()
		s := last.Value.(*docSlot)
		c.order.Remove(last)
		delete(c.slots, s.doc)
		c.size -= s.e.bytes()
	}
}

// bytes is the memory an entry holds (both bodies).
func (e *entry) bytes() int64 { return int64(len(e.body) + len(e.gz) + 512) }

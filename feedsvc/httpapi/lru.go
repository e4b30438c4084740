package httpapi

import (
	"container/list"
	"strings"
	"sync"
)

// defaultCacheBytes bounds the rendered documents kept in process.
const defaultCacheBytes = 64 << 20

// defaultVariantBytes bounds, per section, the variant documents (later
// pages, filtered or `since` queries, non-default limits) kept in process,
// so a flood of distinct queries on one section cannot evict the
// subscription documents of every section.
const defaultVariantBytes = 4 << 20

// docCache keeps one rendered entry per document (section, format, query)
// — the newest version rendered — and evicts the least recently used
// documents beyond a byte budget, and a section's least recently used
// variants beyond a per-section budget. The entry of an older version is
// what is served while a newer one renders or while the store is down.
type docCache struct {
	mu          sync.Mutex
	budget      int64
	size        int64
	order       *list.List // front: most recently used; values are *docSlot
	slots       map[string]*list.Element
	groupBudget int64
	groups      map[string]*variantGroup
}

// variantGroup is one section's variant documents in LRU order.
type variantGroup struct {
	order *list.List // values are *list.Element of docCache.order
	size  int64
}

type docSlot struct {
	doc   string
	key   string // cache key (with version) of e
	e     *entry
	group string        // section of a variant, "" for subscription documents
	gel   *list.Element // the slot's element in its group's order
}

func newDocCache(budget, groupBudget int64) *docCache {
	if budget <= 0 {
		budget = defaultCacheBytes
	}
	if groupBudget <= 0 {
		groupBudget = defaultVariantBytes
	}
	return &docCache{budget: budget, groupBudget: groupBudget, order: list.New(),
		slots: map[string]*list.Element{}, groups: map[string]*variantGroup{}}
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
	c.touch(el)
	s := el.Value.(*docSlot)
	return s.e, s.key == key
}

// put stores e as doc's entry (replacing an older version); group names
// the section of a variant document ("" for a subscription document).
// It evicts least recently used documents over the budgets, never e.
func (c *docCache) put(doc, key, group string, e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.slots[doc]
	if ok {
		c.drop(el)
	}
	s := &docSlot{doc: doc, key: key, e: e, group: group}
	el = c.order.PushFront(s)
	c.slots[doc] = el
	c.size += e.bytes()
	if g := c.group(group); g != nil {
		s.gel = g.order.PushFront(el)
		g.size += e.bytes()
		for g.size > c.groupBudget && g.order.Len() > 1 {
			c.drop(g.order.Back().Value.(*list.Element))
		}
	}
	for c.size > c.budget && c.order.Len() > 1 {
		c.drop(c.order.Back())
	}
}

func (c *docCache) group(name string) *variantGroup {
	if name == "" {
		return nil
	}
	g, ok := c.groups[name]
	if !ok {
		g = &variantGroup{order: list.New()}
		c.groups[name] = g
	}
	return g
}

func (c *docCache) touch(el *list.Element) {
	c.order.MoveToFront(el)
	s := el.Value.(*docSlot)
	if s.gel != nil {
		c.groups[s.group].order.MoveToFront(s.gel)
	}
}

// drop removes a slot from the cache and its group.
func (c *docCache) drop(el *list.Element) {
	s := el.Value.(*docSlot)
	c.order.Remove(el)
	delete(c.slots, s.doc)
	c.size -= s.e.bytes()
	if s.gel != nil {
		g := c.groups[s.group]
		g.order.Remove(s.gel)
		g.size -= s.e.bytes()
		if g.order.Len() == 0 {
			delete(c.groups, s.group)
		}
	}
}

// bytes is the memory an entry holds (both bodies).
func (e *entry) bytes() int64 { return int64(len(e.Body) + len(e.Gz) + 512) }

// dropDocs removes every document whose name starts with one of prefixes,
// the last good bytes included.
func (c *docCache) dropDocs(prefixes []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for doc, el := range c.slots {
		for _, p := range prefixes {
			if strings.HasPrefix(doc, p) {
				c.drop(el)
				break
			}
		}
	}
}

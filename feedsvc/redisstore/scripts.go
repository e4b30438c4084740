package redisstore

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// casArticle writes one article's slot: KEYS[1] its record, KEYS[2] its
// meta hash, both tagged {id}. It runs only while the meta's nonce (field
// g, "" when absent) is still ARGV[1], the one the writer read; then it
// sets the record to ARGV[2] and the meta to the field/value pairs
// ARGV[3..], or deletes both when ARGV[2] is "". It returns 1 when it
// wrote, 0 when another writer came first.
var casArticle = redis.NewScript(`
local cur = redis.call('HGET', KEYS[2], 'g')
if not cur then cur = '' end
if cur ~= ARGV[1] then
	return 0
end
if ARGV[2] == '' then
	redis.call('DEL', KEYS[1], KEYS[2])
	return 1
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 3))
return 1
`)

// indexMoves applies index entries to one section's slot: KEYS[1] its
// ZSET, KEYS[2] its version counter, both tagged {slug}. ARGV holds
// triples: "+" score id adds (or rescores) id, "-" _ id removes it. The
// version counter is incremented once.
var indexMoves = redis.NewScript(`
for i = 1, #ARGV, 3 do
	if ARGV[i] == '+' then
		redis.call('ZADD', KEYS[1], ARGV[i+1], ARGV[i+2])
	else
		redis.call('ZREM', KEYS[1], ARGV[i+2])
	end
end
return redis.call('INCR', KEYS[2])
`)

// scriptCall is one script run to queue in a pipeline.
type scriptCall struct {
	script *redis.Script
	keys   []string
	args   []any
	cmd    *redis.Cmd
}

// runScripts runs calls, and the commands queue adds, in one pipeline,
// the scripts by EVALSHA; those a node has not cached (NOSCRIPT: a new or
// promoted node) run again by EVAL, which caches them. Errors other than
// a missing key fail it.
func (s *Store) runScripts(ctx context.Context, calls []*scriptCall, queue func(redis.Pipeliner)) error {
	pipe := s.rdb.Pipeline()
	if queue != nil {
		queue(pipe)
	}
	for _, c := range calls {
		c.cmd = c.script.EvalSha(ctx, pipe, c.keys, c.args...)
	}
	if pipe.Len() == 0 {
		return nil
	}
	cmds, _ := pipe.Exec(ctx) // errors are checked per command below
	var again []*scriptCall
	for _, c := range calls {
		if err := c.cmd.Err(); err != nil && redis.HasErrorPrefix(err, "NOSCRIPT") {
			again = append(again, c)
		}
	}
	for _, c := range cmds {
		if err := c.Err(); err != nil && !isNil(err) && !redis.HasErrorPrefix(err, "NOSCRIPT") {
			return err
		}
	}
	if len(again) == 0 {
		return nil
	}
	pipe = s.rdb.Pipeline()
	for _, c := range again {
		c.cmd = c.script.Eval(ctx, pipe, c.keys, c.args...)
	}
	_, err := pipe.Exec(ctx)
	if isNil(err) {
		err = nil
	}
	return err
}

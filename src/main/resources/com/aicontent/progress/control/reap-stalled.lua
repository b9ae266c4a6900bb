-- Fails the generations whose instance stopped renewing their lease (it crashed or lost Redis).
-- KEYS[1] the running set (session hash -> lease end, epoch seconds of Redis' clock)
-- ARGV[1] now (ISO-8601), ARGV[2] TTL seconds, ARGV[3] messages JSON {error: text, <lang>: text},
-- ARGV[4] progress key prefix, ARGV[5] update channel prefix
-- The progress keys are derived from the set's members, so this script needs a single Redis, not a
-- cluster. Returns the documents it failed.
local now = redis.call('TIME')
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now[1])
local messages = cjson.decode(ARGV[3])
local failed = {}
for _, hash in ipairs(expired) do
  redis.call('ZREM', KEYS[1], hash)
  local raw = redis.call('GET', ARGV[4] .. hash)
  if raw then
    local doc = cjson.decode(raw)
    if doc.status == 'processing' or doc.status == 'pending' then
      doc.status = 'failed'
      doc.is_failed = true
      doc.error = messages['error']
      doc.current_message = messages[doc.language] or messages['en']
      table.insert(failed, store_document(ARGV[4] .. hash, ARGV[5] .. hash, doc, ARGV[1], tonumber(ARGV[2])))
    end
  end
end
return failed

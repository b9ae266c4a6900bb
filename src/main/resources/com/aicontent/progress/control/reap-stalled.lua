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
  local key = ARGV[4] .. hash
  local raw = redis.call('GET', key)
  if raw then
    local doc = cjson.decode(raw)
    if doc.status == 'processing' or doc.status == 'pending' then
      doc.status = 'failed'
      doc.is_failed = true
      doc.error = messages['error']
      doc.current_message = messages[doc.language] or messages['en']
      doc.version = (tonumber(doc.version) or 0) + 1
      doc.updated_at = ARGV[1]
      local json = cjson.encode(doc)
      for _, name in ipairs({'headings', 'sections', 'images'}) do
        json = string.gsub(json, '"' .. name .. '":{}', '"' .. name .. '":[]')
      end
      json = string.gsub(json, '\\/', '/')
      redis.call('SET', key, json, 'EX', tonumber(ARGV[2]))
      redis.call('PUBLISH', ARGV[5] .. hash, json)
      table.insert(failed, json)
    end
  end
end
return failed

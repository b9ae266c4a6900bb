-- Fails the generations whose instance stopped renewing their lease (it crashed or lost Redis).
-- KEYS[1] the running set (hash -> lease expiry, epoch seconds)
-- ARGV[1] now (epoch seconds), ARGV[2] now (ISO-8601), ARGV[3] TTL seconds, ARGV[4] messages JSON {lang: text}
-- Returns the documents it failed.
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local messages = cjson.decode(ARGV[4])
local failed = {}
for _, hash in ipairs(expired) do
  redis.call('ZREM', KEYS[1], hash)
  local key = 'ai_content_progress:' .. hash
  local raw = redis.call('GET', key)
  if raw then
    local doc = cjson.decode(raw)
    if doc.status == 'processing' or doc.status == 'pending' then
      doc.status = 'failed'
      doc.is_failed = true
      doc.error = messages['error']
      doc.current_message = messages[doc.language] or messages['en']
      doc.version = (tonumber(doc.version) or 0) + 1
      doc.updated_at = ARGV[2]
      local json = cjson.encode(doc)
      for _, name in ipairs({'headings', 'sections', 'images'}) do
        json = string.gsub(json, '"' .. name .. '":{}', '"' .. name .. '":[]')
      end
      redis.call('SET', key, json, 'EX', tonumber(ARGV[3]))
      redis.call('PUBLISH', 'ai_content_updates:' .. hash, json)
      table.insert(failed, json)
    end
  end
end
return failed

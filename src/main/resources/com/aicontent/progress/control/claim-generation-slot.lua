-- Claims one of a user's GENERATION_MAX_PER_USER slots for a generation, atomically, so two starts
-- at the same moment (on one instance or on two) cannot both take the last slot.
-- KEYS[1] the user's slots (sorted set: session hash -> when claimed, by Redis' clock)
-- ARGV[1] the most slots, ARGV[2] the session hash, ARGV[3] seconds a claim may wait for its
-- progress document, ARGV[4] TTL of the slots key, ARGV[5] the progress key prefix
-- Returns {1, slots in use} when newly claimed, {2, slots in use} when the generation held one
-- already, {0, slots in use} when the user has none left.
local now = tonumber(redis.call('TIME')[1])
local grace = tonumber(ARGV[3])
local claims = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #claims, 2 do
  local hash, claimed = claims[i], tonumber(claims[i + 1])
  -- a slot is free again once its generation is over (its document terminal, or expired), or when
  -- its start never wrote a document
  if hash ~= ARGV[2] then
    local raw = redis.call('GET', ARGV[5] .. hash)
    local over
    if raw then
      over = TERMINAL[cjson.decode(raw).status] == true
    else
      over = claimed < now - grace
    end
    if over then redis.call('ZREM', KEYS[1], hash) end
  end
end
local used = redis.call('ZCARD', KEYS[1])
local outcome = 2
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) then
  if used >= tonumber(ARGV[1]) then return {0, used} end
  redis.call('ZADD', KEYS[1], now, ARGV[2])
  used = used + 1
  outcome = 1
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
return {outcome, used}

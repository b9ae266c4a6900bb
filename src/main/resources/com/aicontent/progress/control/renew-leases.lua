-- Renews the leases of the generations one instance runs, timed by Redis' clock. XX: a lease that a
-- terminal write or the reaper removed is not brought back.
-- KEYS[1] the running set; ARGV[1] lease seconds, ARGV[2] TTL seconds, ARGV[3..] session hashes
local now = redis.call('TIME')
local until_ = tonumber(now[1]) + tonumber(ARGV[1])
for i = 3, #ARGV do
  redis.call('ZADD', KEYS[1], 'XX', until_, ARGV[i])
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
return #ARGV - 2

-- Gives back a user's slot whose start did not happen. KEYS[1] the user's slots, ARGV[1] the hash.
return redis.call('ZREM', KEYS[1], ARGV[1])

-- Applies one ProgressWrite to a progress document atomically, renews its TTL, keeps its lease in
-- the running set, and publishes it.
-- KEYS[1] progress key, KEYS[2] update channel, KEYS[3] running set (session hash -> lease end)
-- ARGV[1] the write as JSON, ARGV[2] TTL in seconds, ARGV[3] now as ISO-8601 UTC,
-- ARGV[4] lease in seconds, ARGV[5] the session hash
-- Returns {outcome, document}: created | exists | applied | unchanged | ignored | conflict | missing
local TERMINAL = {completed = true, failed = true, cancelled = true}
local STEPS = {initialization = 1, heading_generation = 2, section_generation = 3, image_generation = 4,
               summary_generation = 5, meta_generation = 6, faq_generation = 7}
-- cjson turns an empty array into {}; these fields are arrays in the contract
local ARRAYS = {'headings', 'sections', 'images'}

local write = cjson.decode(ARGV[1])
local ttl = tonumber(ARGV[2])
local raw = redis.call('GET', KEYS[1])

local function present(value)
  return value ~= nil and value ~= cjson.null
end

-- leases are timed by Redis' clock, so instances with skewed clocks agree on them
local function hold_lease()
  local now = redis.call('TIME')
  redis.call('ZADD', KEYS[3], tonumber(now[1]) + tonumber(ARGV[4]), ARGV[5])
  redis.call('EXPIRE', KEYS[3], ttl)
end

local function save(doc, outcome)
  doc.version = (tonumber(doc.version) or 0) + 1
  doc.updated_at = ARGV[3]
  local json = cjson.encode(doc)
  for _, name in ipairs(ARRAYS) do
    json = string.gsub(json, '"' .. name .. '":{}', '"' .. name .. '":[]')
  end
  -- cjson writes / as \/; keep "(3/8)" greppable as it is ("\\/" stays a backslash then a slash)
  json = string.gsub(json, '\\/', '/')
  redis.call('SET', KEYS[1], json, 'EX', ttl)
  if TERMINAL[doc.status] then
    redis.call('ZREM', KEYS[3], ARGV[5])
  else
    hold_lease()
  end
  redis.call('PUBLISH', KEYS[2], json)
  return {outcome, json}
end

local function message_for(doc)
  if not present(write.messages) then return nil end
  return write.messages[doc.language] or write.messages['en']
end

local function mark(list, part)
  local done = 0
  local found = false
  for _, entry in ipairs(list) do
    if entry.index == part.index then
      entry.status = part.status
      found = true
    end
  end
  if not found then
    table.insert(list, {index = part.index, status = part.status})
  end
  for _, entry in ipairs(list) do
    if entry.status == 'done' then done = done + 1 end
  end
  return done
end

if write.op == 'create' then
  if raw then return {'exists', raw} end
  return save(write.doc, 'created')
end

if not raw then return {'missing', ''} end
local doc = cjson.decode(raw)

if write.op == 'cancel' then
  if doc.status == 'cancelled' then return {'unchanged', raw} end
  if TERMINAL[doc.status] then return {'conflict', raw} end
  doc.status = 'cancelled'
  if present(write.by) then doc.cancelled_by = write.by end
  doc.current_message = message_for(doc) or doc.current_message
  return save(doc, 'applied')
end

if write.op == 'restart' then
  -- the same restart again (its answer was lost and the store retried it): same answer
  if doc.status == 'processing' and present(write.request) and doc.restart_request == write.request then
    return {'applied', raw}
  end
  if doc.status ~= 'failed' and doc.status ~= 'cancelled' then return {'conflict', raw} end
  doc.status = 'processing'
  doc.is_failed = false
  doc.error = nil
  doc.attempt = (tonumber(doc.attempt) or 1) + 1
  doc.restart_request = write.request
  if present(write.by) then doc.restarted_by = write.by end
  doc.current_message = message_for(doc) or doc.current_message
  return save(doc, 'applied')
end

-- an update from a running task
if TERMINAL[doc.status] then return {'ignored', raw} end
if present(write.attempt) and present(doc.attempt) and write.attempt ~= doc.attempt then
  return {'ignored', raw}
end

-- a write from a step the generation has already left changes counts, never the bar or the message
local current = true
if present(write.step) then
  local wanted, now = STEPS[write.step], STEPS[doc.step] or 0
  if wanted == nil then return redis.error_reply('unknown step ' .. tostring(write.step)) end
  if wanted < now then
    current = false
  elseif wanted > now then
    doc.step = write.step
  end
end

if present(write.fields) then
  for name, value in pairs(write.fields) do doc[name] = value end
end
if present(write.increments) then
  for name, delta in pairs(write.increments) do doc[name] = (tonumber(doc[name]) or 0) + delta end
end
if present(write.section) then
  if not present(doc.sections) then doc.sections = {} end
  doc.completed_sections = mark(doc.sections, write.section)
end
if present(write.image) then
  if not present(doc.images) then doc.images = {} end
  doc.completed_images = mark(doc.images, write.image)
end

local progress = write.progress
local message = write.message
if present(write.span) then
  local done = tonumber(doc[write.span.done]) or 0
  local total = tonumber(doc[write.span.total]) or 0
  local from, to = write.span.from, write.span.to
  local spanned = to
  if total > 0 then spanned = from + math.floor((to - from) * math.min(done, total) / total) end
  if not present(progress) or spanned > progress then progress = spanned end
  if present(message) then
    message = string.gsub(message, '{done}', tostring(done))
    message = string.gsub(message, '{total}', tostring(total))
  end
end

if current then
  if present(progress) and progress > (tonumber(doc.progress) or 0) then doc.progress = progress end
  if present(message) then doc.current_message = message end
end

if write.status == 'processing' then
  doc.status = 'processing'
elseif write.status == 'completed' then
  doc.status = 'completed'
  doc.is_completed = true
  doc.progress = 100
elseif write.status == 'failed' then
  doc.status = 'failed'
  doc.is_failed = true
  if present(write.error) then doc.error = write.error end
end

return save(doc, 'applied')

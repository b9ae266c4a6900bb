-- Applies one ProgressWrite to a progress document atomically, renews its TTL, keeps its lease in
-- the running set, and publishes it. The rules of the contract live here and nowhere else.
-- KEYS[1] progress key, KEYS[2] update channel, KEYS[3] running set (session hash -> lease end)
-- ARGV[1] the write as JSON ({"op": ...}), ARGV[2] TTL in seconds, ARGV[3] now as ISO-8601 UTC,
-- ARGV[4] lease in seconds, ARGV[5] the session hash
-- Returns {outcome, document}: created | exists | applied | unchanged | ignored | conflict | missing
local write = cjson.decode(ARGV[1])
local ttl = tonumber(ARGV[2])
local raw = redis.call('GET', KEYS[1])

-- leases are timed by Redis' clock, so instances with skewed clocks agree on them
local function hold_lease()
  local now = redis.call('TIME')
  redis.call('ZADD', KEYS[3], tonumber(now[1]) + tonumber(ARGV[4]), ARGV[5])
  redis.call('EXPIRE', KEYS[3], ttl)
end

local function save(doc, outcome)
  local json = store_document(KEYS[1], KEYS[2], doc, ARGV[3], ttl)
  if TERMINAL[doc.status] then
    redis.call('ZREM', KEYS[3], ARGV[5])
  else
    hold_lease()
  end
  return {outcome, json}
end

local function message_for(doc)
  if not present(write.messages) then return nil end
  return write.messages[doc.language] or write.messages['en']
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

-- from here on, a write by one run of the generation
if TERMINAL[doc.status] then return {'ignored', raw} end
if tonumber(write.attempt) ~= tonumber(doc.attempt) then return {'ignored', raw} end

-- Moves the document's step forward to the write's step. A write from a step the generation has
-- already left changes counts, never the bar or the message: returns whether the step is current.
local function advance(step)
  local wanted, now = STEPS[step], STEPS[doc.step] or 0
  if wanted == nil then error('unknown step ' .. tostring(step)) end
  if wanted < now then return false end
  if wanted > now then doc.step = step end
  return true
end

local function raise(progress)
  if progress > (tonumber(doc.progress) or 0) then doc.progress = progress end
end

local function recount(kind)
  local part = PARTS[kind]
  local done = 0
  if not present(doc[part.list]) then doc[part.list] = {} end
  for _, entry in ipairs(doc[part.list]) do
    if entry.status == 'done' then done = done + 1 end
  end
  doc[part.done] = done
end

-- the bar within a step: its start, or, where parts count, the share of them that is done
local function within(step)
  local kind = STEP_PARTS[step]
  if kind == nil then return STEP_START[step] end
  local part = PARTS[kind]
  local done, total = tonumber(doc[part.done]) or 0, tonumber(doc[part.total]) or 0
  if total == 0 then return STEP_END[step] end
  return STEP_START[step] + math.floor((STEP_END[step] - STEP_START[step]) * math.min(done, total) / total)
end

-- fills {done} and {total} in with the counts of the step's parts
local function worded(message, step)
  local kind = STEP_PARTS[step]
  if kind == nil or not present(message) then return message end
  local part = PARTS[kind]
  message = string.gsub(message, '{done}', tostring(tonumber(doc[part.done]) or 0))
  return (string.gsub(message, '{total}', tostring(tonumber(doc[part.total]) or 0)))
end

-- the listed entry of a part that is not done yet, or nil: a part once done stays done
local function open_part(kind, index)
  local part = PARTS[kind]
  if part == nil then error('unknown part ' .. tostring(kind)) end
  if not present(doc[part.list]) then doc[part.list] = {} end
  for _, entry in ipairs(doc[part.list]) do
    if entry.index == index and entry.status ~= 'done' then return entry end
  end
  return nil
end

local function show(message)
  if present(message) then doc.current_message = message end
end

local op = write.op
if op == 'begin' then
  doc.status = 'processing'
  if advance('initialization') then show(write.message) end
elseif op == 'enter_step' then
  if advance(write.step) then
    raise(within(write.step))
    show(worded(write.message, write.step))
  end
elseif op == 'leave_step' then
  if advance(write.step) then raise(STEP_END[write.step]) end
elseif op == 'outline' then
  doc.headings = write.headings
  doc.sections = write.sections
  doc.images = write.images
  doc.total_sections = #write.sections
  doc.total_images = #write.images
  recount('section')
  recount('image')
  if advance('heading_generation') then raise(STEP_END['heading_generation']) end
elseif op == 'part_done' then
  local part = PARTS[write.part]
  if part == nil then error('unknown part ' .. tostring(write.part)) end
  if not present(doc[part.list]) then doc[part.list] = {} end
  local found = false
  for _, entry in ipairs(doc[part.list]) do
    if entry.index == write.index then
      entry.status = 'done'
      entry.characters = nil
      entry.preview = nil
      found = true
    end
  end
  if not found then table.insert(doc[part.list], {index = write.index, status = 'done'}) end
  recount(write.part)
  local step = PART_STEP[write.part]
  if advance(step) then
    raise(within(step))
    show(worded(write.message, step))
  end
elseif op == 'part_writing' then
  -- only what the panel shows while a streaming model writes: no count, no bar, no message
  local entry = open_part(write.part, write.index)
  if entry then
    entry.status = 'writing'
    entry.characters = write.characters
    entry.preview = write.preview
  end
elseif op == 'part_failed' then
  local entry = open_part(write.part, write.index)
  if entry then
    entry.status = 'failed'
    entry.characters = nil
    entry.preview = nil
    entry.error = write.error
  end
elseif op == 'notes' then
  doc.notes = write.notes
elseif op == 'usage' then
  doc.model_calls = (tonumber(doc.model_calls) or 0) + 1
  doc.prompt_tokens = (tonumber(doc.prompt_tokens) or 0) + write.prompt_tokens
  doc.completion_tokens = (tonumber(doc.completion_tokens) or 0) + write.completion_tokens
elseif op == 'complete' then
  advance('faq_generation')
  doc.status = 'completed'
  doc.is_completed = true
  doc.progress = 100
  show(write.message)
elseif op == 'fail' then
  doc.status = 'failed'
  doc.is_failed = true
  if present(write.error) then doc.error = write.error end
  show(write.message)
else
  error('unknown write ' .. tostring(op))
end

return save(doc, 'applied')

-- What every script that changes progress documents shares. It is loaded after the generated
-- vocabulary (STEPS, TERMINAL, ARRAYS... from ProgressVocabulary) and before the script itself.

local function present(value)
  return value ~= nil and value ~= cjson.null
end

-- cjson turns an empty array into {} and writes / as \/; the contract has arrays there, and a
-- message like "(3/8)" stays greppable ("\\/" stays a backslash then a slash)
local function encode(doc)
  local json = cjson.encode(doc)
  for _, name in ipairs(ARRAYS) do
    json = string.gsub(json, '"' .. name .. '":{}', '"' .. name .. '":[]')
  end
  return (string.gsub(json, '\\/', '/'))
end

-- Keeps a changed document: the next version, the time, the TTL renewed; and tells every instance.
local function store_document(key, channel, doc, now, ttl)
  doc.version = (tonumber(doc.version) or 0) + 1
  doc.updated_at = now
  local json = encode(doc)
  redis.call('SET', key, json, 'EX', ttl)
  redis.call('PUBLISH', channel, json)
  return json
end

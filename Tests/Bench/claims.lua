-- wrk script for .ci/bench: realistic claims, 70 % settlement and 30 % health, with a share of
-- repeated claimants (duplicates) and a small pool of IPs (velocity hits). Every request has a
-- unique ref, so every 2xx is a new committed claim with its outbox row.
local org, settlement, health, key = os.getenv("BENCH_ORG"), os.getenv("BENCH_SETTLEMENT"),
    os.getenv("BENCH_HEALTH"), os.getenv("BENCH_KEY")
local counter = 0
thread_id = 0  -- set per thread by setup() (a global: thread:set writes globals)
local threads = {}

function setup(thread)
    thread:set("thread_id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(thread_id * 7919 + os.time() + math.floor(os.clock() * 1000000))
    wrk.headers["Authorization"] = "Bearer " .. key
    wrk.headers["Content-Type"] = "application/json"
end

local first = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Linus"}
local last = {"Obi", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Torvalds"}
local streets = {"Main St", "Oak Ave", "Elm St", "Maple Rd", "Cedar Ln", "Pine St", "Lake Dr", "Hill Rd"}

local function settlement_claim(ref)
    local person = math.random(1, 100000)
    if math.random() < 0.1 then person = math.random(1, 50) end          -- repeated claimants
    local ip = string.format("198.51.100.%d", math.random(1, 254))
    if math.random() < 0.2 then ip = string.format("203.0.113.%d", math.random(1, 8)) end -- velocity pool
    local f, l = first[person % #first + 1], last[math.floor(person / 7) % #last + 1]
    return string.format([[{"ref":"%s","claimant":{"first_name":"%s","last_name":"%s","email":"%s.%s%d@example.com","phone":"+1555%07d","address":{"line1":"%d %s","line2":"Apt %d","city":"Springfield","region":"IL","postal_code":"627%02d","country":"US"},"payout":{"method":"ach","account":"%012d"}},"submission":{"ip":"%s","user_agent":"Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0","form_started_at":"2026-11-22T10:00:00Z","submitted_at":"2026-11-22T10:04:10Z","device_id":"d-%d","source":"email-campaign-3"},"amount_claimed":25.00,"attributes":{"purchase_channel":"online"}}]],
        ref, f, l, f:lower(), l:lower(), person, person, person % 9000 + 1, streets[person % #streets + 1],
        person % 40 + 1, person % 100, person * 7919, ip, person)
end

local function health_claim(ref)
    local enrollee = math.random(1, 200000)
    return string.format([[{"ref":"%s","provider":{"id":17,"name":"St. Luke Clinic","code":"SLC-017"},"enrollee_id":%d,"encounter_date":"2026-11-%02dT00:00:00Z","billed_amount":11000.00,"diagnoses":[{"name":"Malaria","icd_code":"B54"}],"items":[{"ref":"it-1","description":"Artemether/Lumefantrine 80/480","code":"DRG-0042","unit_price_billed":2500,"qty_billed":2},{"ref":"it-2","description":"Malaria RDT","code":"LAB-0001","unit_price_billed":1500,"qty_billed":2},{"ref":"it-3","description":"Unlisted","code":"XXX-9","unit_price_billed":3000,"qty_billed":1}]}]],
        ref, enrollee, math.random(1, 20))
end

function request()
    counter = counter + 1
    local ref = string.format("B-%d-%d-%d", thread_id, counter, math.random(1, 1000000000))
    if math.random() < 0.7 then
        return wrk.format("POST", "/api/v1/orgs/" .. org .. "/cases/" .. settlement .. "/claims", nil, settlement_claim(ref))
    end
    return wrk.format("POST", "/api/v1/orgs/" .. org .. "/cases/" .. health .. "/claims", nil, health_claim(ref))
end

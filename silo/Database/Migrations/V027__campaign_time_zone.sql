-- A campaign's time zone (IANA, e.g. Asia/Shanghai): the pages write its times there, naming the zone
-- when it is not the reader's. Null for campaigns made before: the reader's own zone, as before.
ALTER TABLE campaign_stock ADD COLUMN IF NOT EXISTS time_zone text;

-- Orleans reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2, invariant "Npgsql").
--
-- One row per (service, grain, reminder name). version is the reminder etag: an upsert always
-- wins and moves it on; a delete succeeds only with the etag of the current row, so a silo
-- holding an outdated copy of a reminder cannot remove one that was re-registered since.
--
-- grainhash is the grain uniform hash (a uint) sent as a signed 32-bit integer. Each silo asks
-- for the reminders of its ring range (BeginHash, EndHash]; the provider itself picks
-- ReadRangeRows1Key when BeginHash < EndHash as signed integers (a plain interval) and
-- ReadRangeRows2Key otherwise (the range wraps around). Signed order is just the unsigned ring
-- rotated by half a turn, so comparing the signed values is exactly right for both.
--
-- Column names are the provider's names folded to lower case (it reads GrainId, ReminderName,
-- StartTime, Period and Version by name; Npgsql matches them case-insensitively).

CREATE TABLE IF NOT EXISTS orleans_reminders (
    serviceid    text        NOT NULL,
    grainid      text        NOT NULL,
    remindername text        NOT NULL,
    starttime    timestamptz NOT NULL,
    -- Milliseconds. The provider sends an int, or a bigint for periods over ~24.8 days.
    period       bigint      NOT NULL,
    grainhash    integer     NOT NULL,
    version      integer     NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);

-- For the range reads every silo runs when its ring ownership changes (and periodically).
CREATE INDEX IF NOT EXISTS orleans_reminders_ring
    ON orleans_reminders (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadReminderRowsKey', $q$
SELECT grainid, remindername, starttime, period, version
  FROM orleans_reminders
 WHERE serviceid = @ServiceId
   AND grainid = @GrainId
$q$),

-- No row when the reminder does not exist.
('ReadReminderRowKey', $q$
SELECT grainid, remindername, starttime, period, version
  FROM orleans_reminders
 WHERE serviceid = @ServiceId
   AND grainid = @GrainId
   AND remindername = @ReminderName
$q$),

-- Non-wrapping range: BeginHash < hash <= EndHash.
('ReadRangeRows1Key', $q$
SELECT grainid, remindername, starttime, period, version
  FROM orleans_reminders
 WHERE serviceid = @ServiceId
   AND grainhash > @BeginHash
   AND grainhash <= @EndHash
$q$),

-- Wrapping range (also the whole ring when BeginHash = EndHash): hash > BeginHash or hash <= EndHash.
('ReadRangeRows2Key', $q$
SELECT grainid, remindername, starttime, period, version
  FROM orleans_reminders
 WHERE serviceid = @ServiceId
   AND (grainhash > @BeginHash OR grainhash <= @EndHash)
$q$),

-- Register or re-register; answers the new etag in a column named version. Row-level locking of
-- ON CONFLICT DO UPDATE makes concurrent upserts of one reminder take turns, each getting its
-- own distinct version.
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
   SET starttime = EXCLUDED.starttime,
       period    = EXCLUDED.period,
       grainhash = EXCLUDED.grainhash,
       version   = r.version + 1
RETURNING r.version
$q$),

-- Exactly one row with one boolean: did a row with this etag exist (and is now gone)?
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminders
     WHERE serviceid = @ServiceId
       AND grainid = @GrainId
       AND remindername = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS deleted
$q$),

-- Only used by test helpers (TestOnlyClearTable): every reminder of the service.
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders
 WHERE serviceid = @ServiceId
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant "Npgsql").
--
-- The provider identifies a state record by
--     serviceid + graintypestring + grainidn0 + grainidn1 + grainidextensionstring
-- (n0/n1 hold a Guid or integer key, the extension string holds a string key or a key
-- extension, NULL when there is none) and sends two 32-bit hashes of it (grainidhash,
-- graintypehash) that exist only to make the lookup cheap: every query matches the hashes AND the
-- full identity, so a hash collision can never mix up two grains.
--
-- Optimistic concurrency, as the provider expects it:
--   * version is the grain state etag. A record is born with version 1 and every successful
--     write or clear adds one.
--   * A write names the version it read (@GrainStateVersion; NULL = "I saw no record"). It
--     succeeds only if that is still the stored version; the answer is the new version. Any
--     other outcome answers NULL (or no row), which the provider turns into an
--     InconsistentStateException. In particular two activations that both saw no record cannot
--     both create it: the unique index below lets exactly one INSERT win.
--   * Clearing keeps the record (payload NULL, version + 1) so that the etag keeps moving;
--     DeleteStateOnClear=true uses DeleteStorageKey instead, which removes the row.
--
-- Column names are the provider's names folded to lower case (it reads "PayloadBinary" and
-- "Version" by name; Npgsql matches them case-insensitively).

CREATE TABLE IF NOT EXISTS orleans_storage (
    grainidhash            integer     NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    graintypehash          integer     NOT NULL,
    graintypestring        text        NOT NULL,
    grainidextensionstring text        NULL,
    serviceid              text        NOT NULL,
    -- The serialized state. NULL after a clear.
    payloadbinary          bytea       NULL,
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    version                integer     NOT NULL
);

-- One record per grain identity, and the index every lookup uses (it leads with the hashes).
-- The two free-text parts go in as md5 digests so that arbitrarily long string keys never hit
-- the btree row-size limit; NULLS NOT DISTINCT makes a NULL key extension count as a value.
CREATE UNIQUE INDEX IF NOT EXISTS orleans_storage_identity
    ON orleans_storage (grainidhash, graintypehash, grainidn0, grainidn1, serviceid,
                        md5(graintypestring), md5(grainidextensionstring))
    NULLS NOT DISTINCT;

-- Write = create (no etag yet) or replace (etag given). Returns the new version, or NULL when the
-- caller's etag is stale: the record exists although the caller saw none, or its version moved on.
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_grainidhash            integer,
    p_grainidn0              bigint,
    p_grainidn1              bigint,
    p_graintypehash          integer,
    p_graintypestring        text,
    p_grainidextensionstring text,
    p_serviceid              text,
    p_expected_version       integer,
    p_payload                bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        -- ON CONFLICT covers the race with another first writer: whoever comes second inserts
        -- nothing, gets NULL and so a version conflict.
        INSERT INTO orleans_storage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
                                     grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        VALUES (p_grainidhash, p_grainidn0, p_grainidn1, p_graintypehash, p_graintypestring,
                p_grainidextensionstring, p_serviceid, p_payload, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING version INTO new_version;
    ELSE
        -- The version test sits in the WHERE clause, so it is re-checked on the latest row version
        -- after waiting for a concurrent writer's lock: of two writers holding the same etag, the
        -- second one updates nothing.
        UPDATE orleans_storage
           SET payloadbinary = p_payload, version = version + 1, modifiedon = now()
         WHERE grainidhash = p_grainidhash AND graintypehash = p_graintypehash
           AND grainidn0 = p_grainidn0 AND grainidn1 = p_grainidn1
           AND serviceid = p_serviceid
           AND graintypestring = p_graintypestring
           AND grainidextensionstring IS NOT DISTINCT FROM p_grainidextensionstring
           AND version = p_expected_version
        RETURNING version INTO new_version;
    END IF;
    RETURN new_version;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES

-- At most one row: the stored payload (NULL after a clear) and its version (the etag). No row
-- means the grain never stored anything.
('ReadFromStorageKey', $q$
SELECT payloadbinary, version
  FROM orleans_storage
 WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
   AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
   AND serviceid = @ServiceId
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

('WriteToStorageKey', $q$
SELECT orleans_storage_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                             @GrainIdExtensionString, @ServiceId, @GrainStateVersion,
                             @PayloadBinary) AS newgrainstateversion
$q$),

-- ClearStateAsync with DeleteStateOnClear=false (the default). The provider reads column 0 as
-- the new etag; no row means the etag was stale.
('ClearStorageKey', $q$
UPDATE orleans_storage
   SET payloadbinary = NULL, version = version + 1, modifiedon = now()
 WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
   AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
   AND serviceid = @ServiceId
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version
$q$),

-- ClearStateAsync with DeleteStateOnClear=true. The provider compares the answer with the etag
-- it sent, so a successful delete answers version + 1 (anything but the etag), a stale one
-- answers no row.
('DeleteStorageKey', $q$
DELETE FROM orleans_storage
 WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
   AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
   AND serviceid = @ServiceId
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

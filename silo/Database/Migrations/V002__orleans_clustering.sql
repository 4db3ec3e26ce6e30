-- Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2, invariant "Npgsql").
--
-- Silos use every query below; clients (the API's gateway list provider) only use GatewaysQueryKey.
-- "DeploymentId" is Orleans' ClusterId.
--
-- How the provider's optimistic concurrency works, and what these tables do for it:
--   * Each cluster has ONE version row. Every change to the membership rows (a silo joining, a
--     status change, a suspicion vote) must name the version it last read, and succeeds only if
--     that is still the current version; it then bumps the version. A writer that lost the race
--     gets FALSE back, re-reads, and tries again. The provider hands each silo row the table
--     version as its etag, so the version row is the only thing compared.
--   * IAmAlive heart-beats are deliberately outside that protocol: they touch one row and never
--     bump the version (otherwise every heart-beat would make every other writer retry).
--   * Reads return the version row LEFT JOINed to the silo rows, so the provider always gets at
--     least one row (it takes the version from the first one) and a silo-less cluster yields a
--     single row whose silo columns are NULL (it recognises that by StartTime being NULL).
--
-- Column names are the provider's names folded to lower case; Npgsql finds "ProxyPort" etc. in
-- a result set case-insensitively. Times are timestamptz: the provider sends them as UTC
-- DateTimes with DbType.DateTime, which Npgsql binds as timestamptz.

CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deploymentid text        PRIMARY KEY,
    version      integer     NOT NULL DEFAULT 0,
    changedat    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    -- Deleting a cluster's version row (DeleteMembershipTableEntriesKey) takes its silos with it.
    deploymentid text        NOT NULL REFERENCES orleans_membership_version (deploymentid) ON DELETE CASCADE,
    address      text        NOT NULL,
    port         integer     NOT NULL,
    generation   integer     NOT NULL,
    siloname     text        NOT NULL,
    hostname     text        NOT NULL,
    -- Orleans SiloStatus: 0 None, 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.
    status       integer     NOT NULL,
    -- 0 when the silo runs no client gateway.
    proxyport    integer     NOT NULL,
    -- Suspicion votes as the provider formats them: "silo,time|silo,time|...". Opaque to SQL.
    suspecttimes text        NULL,
    starttime    timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

-- Registers a silo. TRUE only if the cluster is still at p_expected_version AND the silo was not
-- registered yet; then the version moves on by one. FALSE leaves everything untouched.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deploymentid     text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_siloname         text,
    p_hostname         text,
    p_status           integer,
    p_proxyport        integer,
    p_starttime        timestamptz,
    p_iamalivetime     timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    current_version integer;
BEGIN
    -- Lock the cluster's version row before looking at anything else: all membership writers of
    -- a cluster queue up here, and under READ COMMITTED the locked read returns the version the
    -- previous writer committed, so a stale etag is caught no matter how the calls interleave.
    SELECT version INTO current_version
      FROM orleans_membership_version
     WHERE deploymentid = p_deploymentid
       FOR UPDATE;

    IF NOT FOUND OR current_version IS DISTINCT FROM p_expected_version THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership (deploymentid, address, port, generation, siloname, hostname,
                                    status, proxyport, suspecttimes, starttime, iamalivetime)
    VALUES (p_deploymentid, p_address, p_port, p_generation, p_siloname, p_hostname,
            p_status, p_proxyport, NULL, p_starttime, p_iamalivetime)
    ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;

    IF NOT FOUND THEN
        -- Already registered: report failure and, as nothing changed, keep the version.
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, changedat = now()
     WHERE deploymentid = p_deploymentid;
    RETURN true;
END
$fn$;

-- Changes a registered silo's status / suspicion votes. Same version rule as the insert; FALSE
-- (and no version bump) if the version moved on or the silo has no row.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deploymentid     text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspecttimes     text,
    p_iamalivetime     timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    current_version integer;
BEGIN
    SELECT version INTO current_version
      FROM orleans_membership_version
     WHERE deploymentid = p_deploymentid
       FOR UPDATE;

    IF NOT FOUND OR current_version IS DISTINCT FROM p_expected_version THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
       SET status = p_status, suspecttimes = p_suspecttimes, iamalivetime = p_iamalivetime
     WHERE deploymentid = p_deploymentid
       AND address = p_address AND port = p_port AND generation = p_generation;

    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, changedat = now()
     WHERE deploymentid = p_deploymentid;
    RETURN true;
END
$fn$;

-- The query texts. Keys and @parameter names are fixed by the provider; so are the result column
-- names (case aside). Statements that answer TRUE/FALSE must return exactly one single-column row.
INSERT INTO orleansquery (querykey, querytext) VALUES

-- Once per silo start: make sure the cluster has its version row. Answers whether it was created.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deploymentid)
    VALUES (@DeploymentId)
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS created
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                 @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS inserted
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,
                                 @SuspectTimes, @IAmAliveTime, @Version) AS updated
$q$),

-- Heart-beat; see the header for why it bypasses the version.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET iamalivetime = @IAmAliveTime
 WHERE deploymentid = @DeploymentId
   AND address = @Address AND port = @Port AND generation = @Generation
$q$),

('MembershipReadRowKey', $q$
SELECT v.version, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
       m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deploymentid = v.deploymentid
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
 WHERE v.deploymentid = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT v.version, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
       m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deploymentid = v.deploymentid
 WHERE v.deploymentid = @DeploymentId
$q$),

-- Clients: the gateways to connect to. @Status is Active (3); proxyport 0 means "no gateway".
('GatewaysQueryKey', $q$
SELECT address, proxyport, generation
  FROM orleans_membership
 WHERE deploymentid = @DeploymentId
   AND status = @Status
   AND proxyport > 0
$q$),

-- Forgets a whole cluster (tests and tooling); the silo rows go with it via ON DELETE CASCADE.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version
 WHERE deploymentid = @DeploymentId
$q$),

-- Required by the provider, but 10.4.2 only runs it when CleanupDefunctSiloEntryKey (below) is
-- missing: drops rows of silos that are Dead (6) and had gone quiet before the cut-off.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deploymentid = @DeploymentId
   AND status = 6
   AND iamalivetime < @IAmAliveTime
   AND starttime < @IAmAliveTime
$q$),

-- Optional key that 10.4.2 prefers: the provider reads all rows, picks the defunct Dead ones
-- itself (also looking at the dates of the votes in suspecttimes, which SQL cannot see), and
-- deletes each one only if it still holds exactly the values it read. A row that changed in the
-- meantime survives until the next cleanup. NULL and '' both mean "no votes" (the provider reads
-- either back as none and then sends NULL).
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deploymentid = @DeploymentId
   AND address = @Address AND port = @Port AND generation = @Generation
   AND status = 6
   AND starttime = @StartTime
   AND iamalivetime = @IAmAliveTime
   AND coalesce(suspecttimes, '') = coalesce(@SuspectTimes, '')
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

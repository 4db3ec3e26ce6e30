-- Orleans query catalogue.
--
-- Orleans' AdoNet providers (clustering, grain persistence, reminders) carry no SQL of their own:
-- at start-up each one runs the fixed statement
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- and afterwards executes whatever text it finds under the keys it needs, binding its parameters
-- by name (@DeploymentId, @GrainStateVersion, ...). This table is therefore the whole contract;
-- 002..004 fill it with FlashSale's own query texts.
--
-- Unquoted, so the table and both columns fold to lower case; the provider's unquoted statement
-- folds the same way, and Npgsql matches result column names case-insensitively.
--
-- Like every script in this folder it is idempotent and contains no transaction control:
-- SchemaInstaller runs all scripts inside one transaction under an advisory lock.

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

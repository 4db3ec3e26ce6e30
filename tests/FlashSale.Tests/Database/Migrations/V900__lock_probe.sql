-- A test-only migration (SchemaMigrationTests): it needs the ACCESS EXCLUSIVE lock a group commit's
-- ROW EXCLUSIVE lock on coupons holds up, as most real column changes do.
ALTER TABLE coupons ADD COLUMN lock_probe integer;

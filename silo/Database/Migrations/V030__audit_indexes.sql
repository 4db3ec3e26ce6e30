-- The auditor of the books (grains/Audit/BooksAudit.cs) looks every few seconds at the orders made or
-- refunded, and the sale payments captured, since its last pass. Without these it read the whole of
-- both tables each time, a cost that grew with every order ever made. Plain CREATE INDEX, as the other
-- migrations: it holds the tables' writes (not their reads) while it builds, once, at the upgrade.
CREATE INDEX IF NOT EXISTS orders_by_created ON orders (created_at);
CREATE INDEX IF NOT EXISTS orders_by_refunded ON orders (refunded_at) WHERE refunded_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS sale_payments_by_capture ON sale_payments (captured_at) WHERE captured_at IS NOT NULL;

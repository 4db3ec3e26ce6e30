-- An order id belongs to whoever made the order: the same id in a shopper's own checkout and at a
-- merchant's till names two orders (V021's `orders` is keyed by scope and id). V012 keyed a use by
-- (order_id, coupon_id) across every scope, so a coupon refused by one order and refunded could not
-- then be used in another scope's order of the same id: it was answered `order_conflict`.
-- The contract step for V021: every silo since V021 writes order_scope (its trigger derives it for
-- older ones), so the old key can go.
CREATE UNIQUE INDEX IF NOT EXISTS redemptions_once_per_scoped_order
    ON redemptions (order_scope, order_id, coupon_id);

ALTER TABLE redemptions DROP CONSTRAINT IF EXISTS redemptions_once_per_order;

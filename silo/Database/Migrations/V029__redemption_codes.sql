-- The code a coupon carried when it was used. A till names a coupon by its code and retries a
-- redemption whose answer it lost; a transfer since has given the coupon a new code (M4), and the
-- retry must still find its own order's use. Null on uses made before: those are found by coupon.
ALTER TABLE redemptions ADD COLUMN IF NOT EXISTS code text;

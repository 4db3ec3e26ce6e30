using FlashSale.GrainInterfaces.Risk;
using Npgsql;
using NpgsqlTypes;

namespace FlashSale.Grains.Ledger;

/// <summary>
/// Coupon rows as the column arrays that <c>issue_coupons</c> and <c>issue_coupons_of_campaigns</c>
/// unnest: one round trip and one statement for any number of rows.
/// </summary>
internal sealed class ClaimColumns
{
    private readonly Guid[] _couponIds;
    private readonly string[] _shopperIds;
    private readonly int[] _slots;
    private readonly string[] _deviceIds;
    private readonly string[] _keys;
    private readonly string[] _codes;
    private readonly DateTime[] _issuedAt;
    private readonly DateTime[] _expiresAt;
    private readonly DateOnly[] _claimDays;
    private readonly int[] _daySlots;
    private readonly short[] _shopperBuckets;
    private readonly int?[] _deviceSlots;
    private readonly int?[] _deviceDaySlots;
    private readonly int?[] _accountSlots;
    private int _count;

    public ClaimColumns(int capacity)
    {
        _couponIds = new Guid[capacity];
        _shopperIds = new string[capacity];
        _slots = new int[capacity];
        _deviceIds = new string[capacity];
        _keys = new string[capacity];
        _codes = new string[capacity];
        _issuedAt = new DateTime[capacity];
        _expiresAt = new DateTime[capacity];
        _claimDays = new DateOnly[capacity];
        _daySlots = new int[capacity];
        _shopperBuckets = new short[capacity];
        _deviceSlots = new int?[capacity];
        _deviceDaySlots = new int?[capacity];
        _accountSlots = new int?[capacity];
    }

    public void Add(NewCoupon coupon)
    {
        var i = _count++;
        _couponIds[i] = coupon.CouponId;
        _shopperIds[i] = coupon.ShopperId;
        _slots[i] = coupon.ShopperSlot;
        _deviceIds[i] = coupon.DeviceId;
        _keys[i] = coupon.IdempotencyKey;
        _codes[i] = coupon.Code;
        _issuedAt[i] = coupon.IssuedAt.UtcDateTime;
        _expiresAt[i] = coupon.ExpiresAt.UtcDateTime;
        (_claimDays[i], _daySlots[i], _deviceSlots[i], _deviceDaySlots[i], _accountSlots[i]) = coupon.Risk;
        _shopperBuckets[i] = (short)LimitBuckets.Of(coupon.ShopperId);
    }

    /// <summary>Adds the columns under the names both functions' calls use (<c>@couponIds</c>, <c>@shopperIds</c>, ...).</summary>
    public void AddTo(NpgsqlParameterCollection parameters)
    {
        parameters.AddWithValue("couponIds", _couponIds);
        parameters.AddWithValue("shopperIds", NpgsqlDbType.Array | NpgsqlDbType.Text, _shopperIds);
        parameters.AddWithValue("slots", _slots);
        parameters.AddWithValue("deviceIds", NpgsqlDbType.Array | NpgsqlDbType.Text, _deviceIds);
        parameters.AddWithValue("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, _keys);
        parameters.AddWithValue("codes", NpgsqlDbType.Array | NpgsqlDbType.Text, _codes);
        parameters.AddWithValue("issuedAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, _issuedAt);
        parameters.AddWithValue("expiresAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, _expiresAt);
        parameters.AddWithValue("claimDays", NpgsqlDbType.Array | NpgsqlDbType.Date, _claimDays);
        parameters.AddWithValue("daySlots", _daySlots);
        parameters.AddWithValue("shopperBuckets", _shopperBuckets);
        parameters.AddWithValue("deviceSlots", NpgsqlDbType.Array | NpgsqlDbType.Integer, _deviceSlots);
        parameters.AddWithValue("deviceDaySlots", NpgsqlDbType.Array | NpgsqlDbType.Integer, _deviceDaySlots);
        parameters.AddWithValue("accountSlots", NpgsqlDbType.Array | NpgsqlDbType.Integer, _accountSlots);
    }

    /// <summary>The per-claim arguments, named as both functions name them.</summary>
    public const string Arguments =
        """
        p_coupon_ids => @couponIds, p_shopper_ids => @shopperIds, p_shopper_slots => @slots, p_device_ids => @deviceIds,
        p_keys => @keys, p_codes => @codes, p_issued_at => @issuedAt, p_expires_at => @expiresAt, p_claim_days => @claimDays,
        p_day_slots => @daySlots, p_shopper_buckets => @shopperBuckets, p_device_slots => @deviceSlots,
        p_device_day_slots => @deviceDaySlots, p_account_slots => @accountSlots
        """;
}

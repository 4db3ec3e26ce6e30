namespace FlashSale.Grains.Risk;

/// <summary>
/// The numbered places (1, 2, ...) that claims take under one limit. Each coupon row records its
/// place, and a unique index refuses two rows in one place, so a stale count cannot overshoot.
/// Kept small, since a counter grain holds one per shopper: places 1 to 64 in a bit mask.
/// </summary>
public sealed class Slots
{
    private ulong _low;
    private HashSet<int>? _high;

    public int Count { get; private set; }

    public bool Contains(int slot) => slot <= 64 ? (_low & Bit(slot)) != 0 : _high?.Contains(slot) == true;

    public void Add(int slot)
    {
        if (Contains(slot))
        {
            return;
        }

        if (slot <= 64)
        {
            _low |= Bit(slot);
        }
        else
        {
            (_high ??= []).Add(slot);
        }

        Count++;
    }

    public void Free(int slot)
    {
        if (!Contains(slot))
        {
            return;
        }

        if (slot <= 64)
        {
            _low &= ~Bit(slot);
        }
        else
        {
            _high!.Remove(slot);
        }

        Count--;
    }

    /// <summary>Takes the lowest free place within the limit (null: none); 0 when the limit is reached.</summary>
    public int Take(int? limit)
    {
        if (limit is { } max && Count >= max)
        {
            return 0;
        }

        var slot = (int)ulong.TrailingZeroCount(~_low) + 1;
        if (slot > 64)
        {
            slot = 65;
            while (_high?.Contains(slot) == true)
            {
                slot++;
            }
        }

        if (limit is { } bound && slot > bound)
        {
            return 0;
        }

        Add(slot);
        return slot;
    }

    private static ulong Bit(int slot) => 1UL << (slot - 1);
}

namespace FlashSale.Grains.Risk;

/// <summary>
/// Slots per calendar day for one shopper or device, kept for the latest two days only: a claim is
/// counted in the day it was admitted, so only claims admitted just before midnight still need
/// yesterday's count.
/// </summary>
public sealed class DaySlots
{
    private DateOnly? _day;
    private Slots _today = new();
    private Slots? _yesterday;

    /// <summary>The latest day counted here, null when none.</summary>
    public DateOnly? Latest => _day;

    public Slots Of(DateOnly day)
    {
        if (_day is not { } current)
        {
            _day = day;
            return _today;
        }

        if (day == current)
        {
            return _today;
        }

        if (day == current.AddDays(-1))
        {
            return _yesterday ??= new Slots();
        }

        if (day > current)
        {
            _yesterday = day == current.AddDays(1) ? _today : null;
            _today = new Slots();
            _day = day;
            return _today;
        }

        // Older than yesterday: nothing admitted now can be counted there.
        return new Slots();
    }
}

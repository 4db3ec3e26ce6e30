namespace FlashSale.Grains.Risk;

/// <summary>The slots a reserved claim holds in a counter until its campaign confirms or releases it.</summary>
public sealed record Hold(
    Guid ReservationId,
    string Owner,
    DateOnly Day,
    int DaySlot,
    DateTimeOffset ExpiresAt,
    Guid CampaignId = default,
    int CampaignSlot = 0,
    string ShopperId = "",
    int AccountSlot = 0,
    int Points = 0);

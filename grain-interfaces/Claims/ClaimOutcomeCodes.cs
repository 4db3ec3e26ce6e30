namespace FlashSale.GrainInterfaces.Claims;

/// <summary>The stable code of each refusal, as API answers and live dashboards name it.</summary>
public static class ClaimOutcomeCodes
{
    public static string Of(ClaimOutcome outcome) => outcome switch
    {
        ClaimOutcome.Issued => "issued",
        ClaimOutcome.Replayed => "replayed",
        ClaimOutcome.CampaignNotFound => "campaign_not_found",
        ClaimOutcome.NotStarted => "not_started",
        ClaimOutcome.Ended => "ended",
        ClaimOutcome.SoldOut => "sold_out",
        ClaimOutcome.LimitReached => "limit_reached",
        ClaimOutcome.KeyReused => "idempotency_key_reused",
        ClaimOutcome.DeviceLimitReached => "device_limit_reached",
        ClaimOutcome.DailyLimitReached => "daily_limit_reached",
        ClaimOutcome.InsufficientPoints => "insufficient_points",
        ClaimOutcome.Paused => "paused",
        ClaimOutcome.Ordered => "ordered",
        _ => "unavailable",
    };
}

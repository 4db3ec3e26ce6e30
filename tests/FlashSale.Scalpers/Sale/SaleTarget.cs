namespace FlashSale.Scalpers.Sale;

/// <summary>The sale both populations race for: its campaign, its routes, and its opening instant.</summary>
public sealed record SaleTarget(Guid CampaignId, DateTimeOffset OpensAt)
{
    public string ClaimPath { get; } = $"api/campaigns/{CampaignId}/claims";

    public string ReadPath { get; } = $"api/campaigns/{CampaignId}";

    /// <summary>Waits until <paramref name="offset"/> from the opening (negative: before it).</summary>
    public async Task AtAsync(TimeSpan offset, CancellationToken cancellationToken)
    {
        var wait = OpensAt + offset - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}

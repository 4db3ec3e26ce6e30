using System.Collections.Immutable;
using FlashSale.Api.Campaigns;

namespace FlashSale.Api.Insights;

/// <summary>
/// Which campaigns a comparison covers: <c>ids</c> (up to <see cref="MaxIds"/>), or those opening in
/// [<c>from</c>, <c>to</c>) (the latest <see cref="MaxRows"/>), never both. Errors are keyed by parameter.
/// </summary>
public sealed record RoiComparisonQuery(ImmutableArray<Guid> Ids, DateTimeOffset? From, DateTimeOffset? To)
{
    public const int MaxIds = 20;
    public const int MaxRows = 50;

    public static RoiComparisonQuery Read(string? ids, string? from, string? to, Dictionary<string, string[]> errors)
    {
        var window = (From: CampaignEndpoints.QueryInstant(from, "from", errors), To: CampaignEndpoints.QueryInstant(to, "to", errors));
        if (window is { From: { } start, To: { } end } && end <= start)
        {
            errors["to"] = ["After from."];
        }

        if (ids is null)
        {
            return new RoiComparisonQuery([], window.From, window.To);
        }

        if (from is not null || to is not null)
        {
            errors["ids"] = ["Either ids or from/to, not both."];
        }

        var parts = ids.Split(',', StringSplitOptions.TrimEntries);
        var parsed = parts.Select(p => Guid.TryParse(p, out var id) ? id : (Guid?)null).ToList();
        if (parsed.Any(id => id is null))
        {
            errors["ids"] = ["Comma-separated campaign ids."];
        }
        else if (parts.Length > MaxIds)
        {
            errors["ids"] = [$"At most {MaxIds} campaigns."];
        }

        return new RoiComparisonQuery([.. parsed.OfType<Guid>().Distinct()], null, null);
    }
}

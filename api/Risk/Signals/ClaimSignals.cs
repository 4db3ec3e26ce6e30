using System.Collections.Frozen;
using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Signals;

/// <summary>
/// One claim's signals (<see cref="RiskSignals"/>), held by position so that rules compiled against the
/// positions read them without a lookup, and the subjects they were counted for.
/// </summary>
public sealed class ClaimSignals(Guid campaignId, Guid? groupId, string shopperId, string deviceId, RequestFingerprint request, DateTimeOffset at)
{
    public static readonly ImmutableArray<string> Names = [.. RiskSignals.All.Keys];
    private static readonly FrozenDictionary<string, int> Positions =
        Names.Select((name, position) => KeyValuePair.Create(name, position)).ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The campaign claimed from: a batch's or variant's own id for a group's claims.</summary>
    public Guid CampaignId { get; } = campaignId;

    /// <summary>The group the claim was made through, when the campaign is one of its batches or variants.</summary>
    public Guid? GroupId { get; } = groupId;

    public string ShopperId { get; } = shopperId;

    public string DeviceId { get; } = deviceId;

    public RequestFingerprint Request { get; } = request;

    public DateTimeOffset At { get; } = at;

    public double[] Values { get; } = new double[Names.Length];

    /// <summary>-1 for a name that is no signal.</summary>
    public static int PositionOf(string name) => Positions.TryGetValue(name, out var position) ? position : -1;

    public double this[string name]
    {
        get => Values[Positions[name]];
        set => Values[Positions[name]] = value;
    }
}

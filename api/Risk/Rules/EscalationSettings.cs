using System.ComponentModel.DataAnnotations;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Rules;

/// <summary>Configuration section <c>Risk:Escalation</c>: when scores turn into blocks.</summary>
public sealed class EscalationSettings
{
    public const string Section = "Risk:Escalation";

    /// <summary>A subject whose score over ten minutes reaches this is blocked.</summary>
    [Range(1, 1_000_000, ErrorMessage = "must be between 1 and 1000000.")]
    public int Threshold { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "must be between a second and 30 days.")]
    public TimeSpan BlockFor { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Which subjects escalation may block. Address ranges are left out by default: behind a carrier's NAT one
    /// range holds many honest shoppers.
    /// </summary>
    public SubjectKind[] Kinds { get; set; } = [SubjectKind.Shopper, SubjectKind.Device, SubjectKind.Fingerprint];

    /// <summary>
    /// With a fingerprint's block, also block its account cluster: each account that claimed from the fingerprint
    /// within a day, wherever it claims from next. Off by default: honest shoppers with the same phone and
    /// browser behind one carrier range share a fingerprint, and the fingerprint's block alone already holds
    /// them only while they are there.
    /// </summary>
    public bool BlockLinkedAccounts { get; set; }
}

using FlashSale.Grains.Ledger;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// The limits' protocol as the <see cref="ClaimCommitter"/> uses it: reserve a round, then confirm
/// what committed or release what did not (<see cref="ClaimLimits"/>; a stand-in in unit tests).
/// </summary>
internal interface IClaimLimits
{
    /// <inheritdoc cref="ClaimLimits.ReserveAsync"/>
    Task<Dictionary<AdmittedClaim, ClaimLimits.Refusal>> ReserveAsync(List<AdmittedClaim> round);

    void Confirm(IReadOnlyCollection<AdmittedClaim> claims);

    void Release(IReadOnlyCollection<AdmittedClaim> claims, bool afterFailedWrite);

    /// <summary>The limits the ledger checks the batch's slots against.</summary>
    BatchLimits ForLedger { get; }
}

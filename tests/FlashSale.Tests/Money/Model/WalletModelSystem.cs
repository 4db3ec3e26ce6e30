using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Money.Model;

/// <summary>The running system on a database of its own, so that M1-M7 are checked over every row in it.</summary>
public sealed class WalletModelSystem : RunningSystem
{
    protected override string? OwnDatabase => "wallet_model";
}

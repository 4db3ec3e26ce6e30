using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>What the money checks judge: the requests and their answers, every claim answer (retries and resolutions included), and the tables.</summary>
public sealed record MoneyEvidence(Sale Sale, IReadOnlyList<MoneyOp> Ops, IReadOnlyList<ClaimAttempt> Claims, MoneyLedger Ledger)
{
    public IEnumerable<MoneyOp> Answered(params MoneyRoute[] routes) => Ops.Where(o => o.Answer is not null && routes.Contains(o.Request.Route));
}

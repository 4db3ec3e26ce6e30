using System.Text.Json;
using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Money;

/// <summary>One sending of a money request: to which node, when, and what came back.</summary>
/// <param name="Code">A refusal's problem code, or <c>timeout</c> / <c>transport</c> when nothing came back; empty for a 2xx.</param>
/// <param name="Body">A 2xx's body.</param>
public sealed record MoneyAttempt(
    MoneyRequest Request, int Node, TimeSpan SentAt, TimeSpan AnsweredAt, Outcome Outcome, int Status, string Code, bool Replayed, JsonElement? Body)
{
    public Guid? RedemptionId => Body?.TryGetProperty("redemptionId", out var id) == true ? id.GetGuid() : null;
}

/// <summary>A request sent until answered: every attempt, and the answer (null if none came in time).</summary>
public sealed record MoneyOp(MoneyRequest Request, IReadOnlyList<MoneyAttempt> Attempts)
{
    public MoneyAttempt? Answer => Attempts.LastOrDefault(a => a.Outcome != Outcome.Unknown);

    public bool Acknowledged => Answer?.Outcome == Outcome.Acknowledged;

    public bool Refused => Answer?.Outcome == Outcome.Refused;

    public bool RefusedWith(string code) => Refused && Answer!.Code == code;

    /// <summary>The first attempt's sending, and the answer's arrival (the end of the run if none came).</summary>
    public TimeSpan SentAt => Attempts[0].SentAt;

    public TimeSpan AnsweredAt => Answer?.AnsweredAt ?? TimeSpan.MaxValue;
}

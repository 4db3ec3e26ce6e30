using FlashSale.FaultInjection.Load;
using static FlashSale.FaultInjection.Money.MoneyRoutes;

namespace FlashSale.FaultInjection.Money;

/// <summary>
/// Marketing during the faults: pauses a campaign until claims have been refused for a while, resumes
/// it until claims have been issued again, tops another up (some top-ups sent to both nodes at once,
/// one key reused on another campaign), over and over; and ends a third while a silo is frozen, when a
/// stale activation of it may still be alive.
/// </summary>
public sealed class CampaignControls(MoneyHistory money, ClaimHistory claims, ControlledCampaigns campaigns, string run, Func<bool> siloFrozen)
{
    private const int Added = 20;
    private const int AnswersPerPhase = 10;

    public Task RunAsync(CancellationToken stop) => Task.WhenAll(PauseAndTopUpAsync(stop), EndWhileFrozenAsync(stop));

    private async Task PauseAndTopUpAsync(CancellationToken stop)
    {
        var paused = campaigns.Paused.Id;
        for (var cycle = 0; !stop.IsCancellationRequested; cycle++)
        {
            var refused = claims.Count(paused, Outcome.Refused);
            await money.SendAsync(Control(MoneyRoute.Pause, paused), cycle);
            if (!await Waiting.UntilAsync(() => claims.Count(paused, Outcome.Refused) >= refused + AnswersPerPhase, stop))
            {
                return;
            }

            var issued = claims.Count(paused, Outcome.Acknowledged);
            await money.SendAsync(Control(MoneyRoute.Resume, paused), cycle + 1);
            await Waiting.UntilAsync(() => claims.Count(paused, Outcome.Acknowledged) >= issued + AnswersPerPhase, stop);

            var topUp = TopUp(campaigns.ToppedUp.Id, Added, $"topup-{run}-{cycle}");
            await (cycle % 2 == 1 ? (Task)money.TwinAsync(topUp) : money.SendAsync(topUp, cycle));
            if (cycle == 1)
            {
                await money.SendAsync(TopUp(paused, Added, topUp.Key!) with
                {
                    Probe = new("top-ups", "a top-up's key used on another campaign", "idempotency_key_reused"),
                }, cycle);
            }
        }
    }

    private async Task EndWhileFrozenAsync(CancellationToken stop)
    {
        if (await Waiting.UntilAsync(siloFrozen, stop))
        {
            await money.SendAsync(Control(MoneyRoute.End, campaigns.Ended.Id), 0);
        }
    }
}

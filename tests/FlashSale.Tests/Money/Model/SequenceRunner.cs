using System.Diagnostics;
using System.Globalization;
using System.Text;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Money.Model;

/// <summary>
/// Runs one generated sequence against the real system over HTTP: creates its campaigns, sends each
/// step's calls at once, keeps the model states that explain every answer so far
/// (<see cref="StepJudge"/>), and at the end compares PostgreSQL and the wallets with the model and
/// checks M1-M7 in SQL. A failure says which step or check, with every call and answer before it.
/// </summary>
public sealed class SequenceRunner(RunningSystem system)
{
    public RunFigures Figures { get; } = new();

    public async Task RunAsync(Sequence sequence)
    {
        var watch = Stopwatch.StartNew();
        using var stage = await Stage.StartAsync(system, sequence);
        var setup = watch.Elapsed;
        Figures.Setup += setup;
        var registry = new Registry(stage.Tag);
        var resolver = new Resolver(stage, registry);
        List<WalletModel> candidates = [new WalletModel(stage.Campaigns.Select(c => c.Clone()))];
        var history = new StringBuilder($"sequence {stage.Tag}: campaigns {string.Join(", ", stage.Campaigns.Select(c => c.Id))}\n");

        for (var s = 0; s < sequence.Steps.Length; s++)
        {
            var step = await Task.WhenAll(sequence.Steps[s].Select(op => resolver.Resolve(op, s, candidates[0])).Select(c => ExchangeAsync(c, stage)));
            foreach (var exchange in step)
            {
                exchange.Call.Learn(registry, exchange.Answer);
                history.Append(CultureInfo.InvariantCulture, $"  step {s}: {exchange.Call} -> {exchange.Observed}\n");
            }

            var possible = StepJudge.Judge(candidates, step);
            if (possible.Count == 0)
            {
                Assert.Fail($"No serial order of step {s} explains its answers.\n{StepJudge.Explain(candidates[0], step)}\n{history}");
            }

            candidates = possible;
            Figures.Step(step, candidates.Count);
            await ReadNewCodesAsync(stage, registry, candidates, history);
        }

        Figures.Running += watch.Elapsed - setup;
        var checks = Stopwatch.StartNew();
        await CheckTheEndAsync(stage, registry, candidates, history);
        Figures.Checking += checks.Elapsed;
    }

    private static async Task<Exchange> ExchangeAsync(Call call, Stage stage)
    {
        var sent = DateTimeOffset.UtcNow;
        var answer = await call.SendAsync(stage);
        return new Exchange(call, answer, sent, DateTimeOffset.UtcNow);
    }

    // A coupon given away has a new code: its holder's wallet shows it, and it is none the giver saw (M4).
    private static async Task ReadNewCodesAsync(Stage stage, Registry registry, List<WalletModel> candidates, StringBuilder history)
    {
        foreach (var coupon in registry.Unread.ToList())
        {
            var holder = candidates[0].Coupon(coupon)!.Holder;
            var code = await WalletView.CodeInWalletAsync(stage.ShopperClients[Array.IndexOf(stage.Shoppers, holder)], coupon);
            Assert.True(code is not null, $"M4: {holder}'s wallet shows no code for coupon {coupon} they were given\n{history}");
            Assert.True(!registry.OldCodesOf(coupon).Contains(code!, StringComparer.Ordinal), $"M4: coupon {coupon} kept a code its giver saw\n{history}");
            registry.Learned(coupon, code!);
            registry.Saw(holder, coupon, code!);
            candidates.ForEach(c => c.LearnCode(coupon, code!));
        }
    }

    private async Task CheckTheEndAsync(Stage stage, Registry registry, List<WalletModel> candidates, StringBuilder history)
    {
        var rows = await DatabaseRows.ReadAsync(system.Database, stage);
        var recycled = await DatabaseRows.RecycledAsync(system.Database, stage);
        var now = DateTimeOffset.UtcNow;
        var matching = candidates
            .Where(c => c.Rows().SequenceEqual(rows, StringComparer.Ordinal))
            .Where(c => c.Campaigns.All(campaign =>
                recycled[campaign.Id] >= campaign.RecycledAtLeast && recycled[campaign.Id] <= c.RecycleCeiling(campaign.Id, now)))
            .ToList();
        if (matching.Count == 0)
        {
            var model = candidates[0].Rows();
            Assert.Fail("PostgreSQL differs from the model.\n"
                + string.Concat(rows.Except(model, StringComparer.Ordinal).Select(r => $"  only in PostgreSQL: {r}\n"))
                + string.Concat(model.Except(rows, StringComparer.Ordinal).Select(r => $"  only in the model:  {r}\n"))
                + string.Concat(candidates[0].Campaigns.Where(c => c.Spec.Recycles).Select(c =>
                    $"  recycled {recycled[c.Id]}, the model allows {c.RecycledAtLeast}..{candidates[0].RecycleCeiling(c.Id, now)}\n"))
                + history);
        }

        var broken = await MoneyInvariants.BrokenAsync(system.Database, stage);
        Assert.True(broken.Count == 0, string.Join('\n', broken) + "\n" + history);

        var differences = await WalletView.DifferencesAsync(stage, matching[0], registry);
        Assert.True(differences.Count == 0, string.Join('\n', differences) + "\n" + history);

        // M4: no shopper was ever shown the code a coupon has now, unless they hold it.
        var codes = await DatabaseRows.CodesAsync(system.Database, stage);
        var leaked = registry.Seen.Where(seen => codes[seen.Coupon].Code == seen.Code && codes[seen.Coupon].Holder != seen.Shopper).ToList();
        Assert.True(leaked.Count == 0, "M4: " + string.Join(", ", leaked.Select(l => $"{l.Shopper} saw the live code of {l.Coupon}")) + "\n" + history);

        Figures.Finished(matching[0].Notes);
    }
}

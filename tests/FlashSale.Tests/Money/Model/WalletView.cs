using System.Net;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Money.Model;

/// <summary>
/// Each shopper's wallet and points over HTTP against the model: the same coupons, each with the
/// status the model gives it (an expiry during the read may go either way), a code exactly on the
/// coupons the shopper holds and none on those given away (M4), gift card balances, the points
/// balance and its entries. Every code shown is recorded as seen.
/// </summary>
public static class WalletView
{
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(2);

    public static async Task<List<string>> DifferencesAsync(Stage stage, WalletModel model, Registry registry)
    {
        var differences = new List<string>();
        for (var i = 0; i < stage.Shoppers.Length; i++)
        {
            var shopper = stage.Shoppers[i];
            var client = stage.ShopperClients[i];
            var before = DateTimeOffset.UtcNow - Slack;
            var listed = await client.WholeWalletAsync();
            var after = DateTimeOffset.UtcNow + Slack;
            var early = model.WalletOf(shopper, before).ToDictionary(l => l.Coupon);
            var late = model.WalletOf(shopper, after).ToDictionary(l => l.Coupon);

            foreach (var coupon in listed)
            {
                var line = Read(coupon);
                if (line.Code is { } code)
                {
                    registry.Saw(shopper, line.Coupon, code);
                }

                if (!early.Remove(line.Coupon, out var expected))
                {
                    differences.Add($"{shopper}'s wallet lists {line}, which the model does not give them");
                }
                else if (line != expected && line != late[line.Coupon])
                {
                    differences.Add($"{shopper}'s wallet lists {line}; the model says {expected}");
                }
            }

            differences.AddRange(early.Values.Select(missing => $"{shopper}'s wallet lacks {missing}"));

            var points = await Answer.Of(await client.GetAsync("/api/me/points"));
            var (balance, latest) = points.Status == HttpStatusCode.OK
                ? (points.Body.GetProperty("balance").GetInt64(), points.Body.GetProperty("latest").GetArrayLength())
                : (-1, -1);
            if (balance != model.PointsOf(shopper) || latest != Math.Min(50, model.EntriesOf(shopper)))
            {
                differences.Add($"{shopper}'s points: {balance} with {latest} entries; the model says {model.PointsOf(shopper)} with {model.EntriesOf(shopper)}");
            }
        }

        return differences;
    }

    /// <summary>A coupon's new code after a transfer, from its holder's wallet (null if it shows none).</summary>
    public static async Task<string?> CodeInWalletAsync(HttpClient holder, Guid coupon)
    {
        var listed = await holder.WholeWalletAsync();
        return listed.Select(Read).FirstOrDefault(l => l.Coupon == coupon)?.Code;
    }

    private static WalletLine Read(JsonElement coupon) => new(
        coupon.GetProperty("couponId").GetGuid(),
        Enum.Parse<CouponStatus>(coupon.GetProperty("status").GetString()!, ignoreCase: true),
        coupon.TryGetProperty("code", out var code) ? code.GetString() : null,
        coupon.TryGetProperty("balance", out var balance) && balance.ValueKind == JsonValueKind.Number ? balance.GetDecimal() : null);
}

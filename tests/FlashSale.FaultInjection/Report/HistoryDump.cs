using System.Text;
using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Report;

/// <summary>A failed run's history as CSV beside its logs and database, for a post-mortem: every claim attempt, every money attempt.</summary>
public static class HistoryDump
{
    public static async Task WriteAsync(string folder, IEnumerable<ClaimAttempt> claims, IEnumerable<MoneyOp> money)
    {
        var lines = new StringBuilder("sent_s,answered_s,node,campaign,shopper,key,replay,reused_from,outcome,status,coupon,code\n");
        foreach (var a in claims.OrderBy(a => a.SentAt))
        {
            lines.Append(FormattableString.Invariant(
                $"{a.SentAt.TotalSeconds:0.000},{a.AnsweredAt.TotalSeconds:0.000},{a.ApiNode},{a.Request.CampaignId},{a.Request.ShopperId},{a.Request.Key},{a.Request.IsReplay},{a.Request.ReusedFrom},{a.Outcome},{a.Status},{a.CouponId},{a.Code}\n"));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "claims.csv"), lines.ToString());
        lines.Clear().Append("sent_s,answered_s,node,route,actor,scope,order,coupons,campaign,key,outcome,status,code,replayed,body\n");
        foreach (var a in money.SelectMany(o => o.Attempts).OrderBy(a => a.SentAt))
        {
            var r = a.Request;
            lines.Append(FormattableString.Invariant(
                $"{a.SentAt.TotalSeconds:0.000},{a.AnsweredAt.TotalSeconds:0.000},{a.Node},{r.Route},{r.Actor.UserId},{r.OrderScope},{r.OrderId},{string.Join(' ', r.Coupons)},{r.CampaignId},{r.Key},{a.Outcome},{a.Status},{a.Code},{a.Replayed},\"{a.Body?.GetRawText().Replace("\"", "\"\"")}\"\n"));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "money.csv"), lines.ToString());
    }
}

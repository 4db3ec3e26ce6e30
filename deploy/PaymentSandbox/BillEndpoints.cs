using System.Globalization;
using System.Security.Cryptography;

namespace FlashSale.PaymentSandbox;

/// <summary>The daily statement: ask for a day's bill, then download it by the link; the SHA-1 lets the merchant check the file.</summary>
internal static class BillEndpoints
{
    public static void MapBills(this RouteGroupBuilder merchant)
    {
        merchant.MapGet("/bill/tradebill", TradeBill);
        merchant.MapGet("/billdownload/file", Download);
    }

    private static IResult TradeBill(
        string channel, HttpRequest request, PaymentChannels channels, Trades trades, BillFiles files,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "bill_date")] string? billDate, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "bill_type")] string? billType)
    {
        if (!DateOnly.TryParseExact(billDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return GatewayErrors.ParamError("bill_date must be yyyy-MM-dd");
        }

        if (billType is not (null or "ALL"))
        {
            return GatewayErrors.ParamError("The sandbox serves bill_type ALL only");
        }

        var account = channels.Get(channel);
        var content = Statement.Build(trades.All(account), day);
        var token = files.Keep(account, content);
        var downloadUrl = $"{MerchantEndpoints.Origin(request)}/{Uri.EscapeDataString(account.Name)}/v3/billdownload/file?token={token}";
        return Results.Json(new TradeBillAnswer("SHA1", Convert.ToHexStringLower(SHA1.HashData(content)), downloadUrl), SandboxJson.Gateway);
    }

    private static IResult Download(string channel, string? token, PaymentChannels channels, BillFiles files) =>
        token is not null && files.Find(channels.Get(channel), token) is { } content
            ? Results.Bytes(content, "text/csv; charset=utf-8")
            : GatewayErrors.Of(StatusCodes.Status404NotFound, "RESOURCE_NOT_EXISTS", "No such bill file, or its link expired");
}

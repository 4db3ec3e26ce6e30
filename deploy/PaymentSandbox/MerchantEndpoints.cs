namespace FlashSale.PaymentSandbox;

/// <summary>
/// The merchant API, what FlashSale calls: every route under <c>/{channel}/v3</c>. Unauthenticated, unlike WeChat's;
/// the channel's mchid in bodies and query strings is checked instead.
/// </summary>
internal static class MerchantEndpoints
{
    public static void MapMerchantApi(this IEndpointRouteBuilder app)
    {
        var merchant = app.MapGroup("/{channel}/v3").AddEndpointFilter<ChannelGate>();
        merchant.MapCertificates();
        merchant.MapTransactions();
        merchant.MapRefunds();
        merchant.MapBills();
    }

    /// <summary>The channel's origin as the caller sees it, for the URLs the gateway hands out (code_url, download_url).</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}

/// <summary>Answers for every merchant route: 404 for a channel that is not configured, 503 while the channel is "down".</summary>
internal sealed class ChannelGate(PaymentChannels channels, Faults faults) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var name = context.HttpContext.GetRouteValue("channel") as string;
        if (channels.Find(name) is not { } channel)
        {
            return GatewayErrors.UnknownChannel(name);
        }

        if (faults.For(channel).Down)
        {
            return GatewayErrors.SystemError();
        }

        return await next(context);
    }
}

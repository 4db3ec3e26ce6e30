namespace FlashSale.PaymentSandbox;

/// <summary>PUT and GET /sandbox/faults: how tests make a channel misbehave. Not WeChat; camelCase like FlashSale's own API.</summary>
internal static class FaultEndpoints
{
    public static void MapFaults(this IEndpointRouteBuilder app)
    {
        app.MapPut("/sandbox/faults", Change);
        app.MapGet("/sandbox/faults", Current);
    }

    private static async Task<IResult> Change(HttpRequest request, PaymentChannels channels, Faults faults)
    {
        var (body, refusal) = await RequestBody.ReadAsync<FaultsUpdate>(request, SandboxJson.Controls);
        if (body is null)
        {
            return refusal!;
        }

        if (body.Problem() is { } problem)
        {
            return GatewayErrors.ParamError(problem);
        }

        var targets = channels.All;
        if (body.Channel is not null)
        {
            if (channels.Find(body.Channel) is not { } channel)
            {
                return GatewayErrors.UnknownChannel(body.Channel);
            }

            targets = [channel];
        }

        faults.Apply(body, targets);
        return Current(faults);
    }

    private static IResult Current(Faults faults) => Results.Json(new { channels = faults.All() }, SandboxJson.Controls);
}

using System.Text.Json.Nodes;

namespace FlashSale.Tests.Security.Support;

/// <summary>
/// A request body each operation would accept, by its OpenAPI schema name: refusals by role must
/// come from the role, not the body, and the fuzzer mutates these into the bodies it sends.
/// </summary>
public static class ValidBodies
{
    public static JsonObject For(ApiOperation operation, string couponCode = "NO-SUCH-CODE")
    {
        if (operation.Method == HttpMethod.Patch)
        {
            return new JsonObject { ["name"] = "Renamed" };
        }

        return operation.BodySchema switch
        {
            "CreateCampaignRequest" => Campaign(),
            "TopUpRequest" => new JsonObject { ["add"] = 5 },
            "RedeemRequest" => Order("me-order"),
            "MerchantRedeemRequest" => With(Order("till-order"), "code", couponCode),
            "TransferRequest" => new JsonObject { ["to"] = "security-recipient" },
            "PlanRequest" => new JsonObject { ["amount"] = 120.5m, ["currency"] = "CNY" },
            "CheckoutRequest" => Order("checkout-order"),
            "BlockRequest" => new JsonObject { ["kind"] = "device", ["value"] = "security-device", ["reason"] = "security test" },
            "CreditRequest" => new JsonObject { ["shopperId"] = "security-credited", ["points"] = 10, ["note"] = "security test" },
            "ImportSecretsRequest" => new JsonObject { ["secrets"] = new JsonArray("SECRET-0001", "SECRET-0002") },
            "TokenRequest" => new JsonObject { ["userId"] = "security-user", ["roles"] = new JsonArray("shopper") },
            _ => [],
        };
    }

    public static JsonObject Campaign() => new()
    {
        ["name"] = "Security campaign",
        ["coupon"] = new JsonObject { ["kind"] = "fixed", ["currency"] = "CNY", ["amountOff"] = 5 },
        ["totalStock"] = 100,
        ["perUserLimit"] = 1,
        ["startsAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
        ["endsAt"] = DateTimeOffset.UtcNow.AddHours(2).ToString("O"),
        ["validity"] = new JsonObject { ["days"] = 7 },
        ["risk"] = new JsonObject { ["maxClaimsPerDevice"] = 3 },
        ["use"] = new JsonObject { ["transfer"] = "free", ["stackable"] = true },
    };

    private static JsonObject Order(string orderId) => new() { ["orderId"] = orderId, ["amount"] = 199m, ["currency"] = "CNY" };

    private static JsonObject With(JsonObject body, string name, string value)
    {
        body[name] = value;
        return body;
    }
}

using System.Globalization;
using System.Text.Json;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk;

public sealed record RiskDecisionResponse(
    long Id, DateTimeOffset DecidedAt, string Verdict, string Rule, Guid? CampaignId, string? ShopperId, string? DeviceId,
    string? Address, JsonElement Evidence, int Occurrences, string? Fingerprint)
{
    public static RiskDecisionResponse Of(RiskDecision d) => new(d.Id, d.DecidedAt, RiskVerdictNames.Of(d.Verdict), d.Rule, d.CampaignId,
        d.ShopperId, d.DeviceId, d.Address, JsonDocument.Parse(d.Evidence).RootElement.Clone(), d.Occurrences, d.Fingerprint);
}

public sealed record RuleCountResponse(string Rule, string Verdict, long Decisions);

public sealed record AccountLinkResponse(string Kind, string Value, long Accounts, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>The audit of risk decisions, for admins: by campaign, shopper, device or rule, and counts per rule per campaign.</summary>
public static class RiskDecisionEndpoints
{
    private const int MaxPage = 500;

    public static void MapRiskDecisions(this IEndpointRouteBuilder app)
    {
        var risk = app.MapGroup("/api/admin/risk").WithTags("Risk").RequireAuthorization(Roles.Admin);

        risk.MapGet("/decisions", Find)
            .WithSummary("Risk decisions, newest first; filter by campaignId, shopperId, deviceId, fingerprint, rule; page with before (a decision id) and limit (role admin)")
            .Produces<RiskDecisionResponse[]>()
            .ProducesValidationProblem();

        risk.MapGet("/shoppers/{id}/links", LinksOf)
            .WithSummary("The fingerprints and address ranges a shopper claimed from, each with how many accounts share it: the shopper's cluster (role admin)")
            .Produces<AccountLinkResponse[]>();

        risk.MapGet("/campaigns/{id}/rules", CountByRule)
            .WithSummary("How many decisions each rule made on a campaign (role admin)")
            .Produces<RuleCountResponse[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    // Bound from the query by name, so that the OpenAPI document lists them.
    private static async Task<IResult> Find(string? campaignId, string? shopperId, string? deviceId, string? fingerprint, string? rule, string? before,
        string? limit, IClusterClient cluster)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Guid? campaign = null;
        if (campaignId is not null)
        {
            campaign = Guid.TryParse(campaignId, out var parsed) ? parsed : null;
            if (campaign is null)
            {
                errors["campaignId"] = ["A campaign id (a UUID)."];
            }
        }

        long? beforeId = null;
        if (before is not null)
        {
            beforeId = long.TryParse(before, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : null;
            if (beforeId is null)
            {
                errors["before"] = ["A decision id from a previous page."];
            }
        }

        var size = 100;
        if (limit is not null && (!int.TryParse(limit, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPage))
        {
            errors["limit"] = [$"1 to {MaxPage} (default 100)."];
        }

        foreach (var (name, value) in new[] { ("shopperId", shopperId), ("deviceId", deviceId), ("fingerprint", fingerprint), ("rule", rule) })
        {
            if (value is { Length: > 128 } || value?.Any(char.IsControl) == true)
            {
                errors[name] = ["At most 128 characters, no control characters."];
            }
        }

        if (errors.Count > 0)
        {
            return Problem.Validation(errors, "The query has invalid parameters.");
        }

        var found = await cluster.GetGrain<IRiskAuditGrain>(0).Find(new RiskDecisionQuery(campaign, shopperId, deviceId, rule, beforeId, size, fingerprint));
        return Results.Ok(found.Select(RiskDecisionResponse.Of));
    }

    private static async Task<IResult> LinksOf(string id, IClusterClient cluster)
    {
        var links = id.Length <= 128 && !id.Any(char.IsControl) ? await cluster.GetGrain<IRiskAuditGrain>(0).LinksOf(id) : [];
        return Results.Ok(links.Select(l => new AccountLinkResponse(l.Kind.ToString().ToLowerInvariant(), l.Value, l.Accounts, l.FirstSeen, l.LastSeen)));
    }

    private static async Task<IResult> CountByRule(string id, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var campaignId))
        {
            return Problem.Of(StatusCodes.Status404NotFound, "campaign_not_found", "There is no such campaign.");
        }

        var counts = await cluster.GetGrain<IRiskAuditGrain>(0).CountByRule(campaignId);
        return Results.Ok(counts.Select(c => new RuleCountResponse(c.Rule, RiskVerdictNames.Of(c.Verdict), c.Decisions)));
    }
}

using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.Api.Risk.Signals;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Rules;

/// <summary>Operators' risk rules: list, create, revise, remove, restore, read the revisions, and try a rule on recent traffic first.</summary>
public static class RuleEndpoints
{
    public static void MapRiskRules(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/admin/risk").WithTags("Risk").RequireAuthorization(Roles.Admin);

        rules.MapGet("/signals", (SignalMeanings meanings) => Results.Ok(meanings.All()))
            .WithSummary("The signals rules can test, with what each means, in English or (Accept-Language: zh) Chinese (role admin)")
            .Produces<SignalResponse[]>();

        rules.MapGet("/rules", List)
            .WithSummary("The risk rules in force, global and per campaign (role admin)")
            .Produces<RuleResponse[]>();

        rules.MapPost("/rules", Create)
            .WithSummary("Add a rule: when every condition holds, allow, challenge (a proof of work of the rule's difficulty), deny or flag the claim, "
                + "and add its score to the claim's subjects; in force on every node within about a second (role admin)")
            .Accepts<RuleRequest>("application/json")
            .Produces<RuleResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        rules.MapPut("/rules/{id}", Revise)
            .WithSummary("Replace a rule whole: its next revision; with the revision it was edited from, 409 rule_changed if another was saved since (role admin)")
            .Accepts<RuleRequest>("application/json")
            .Produces<RuleResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rules.MapDelete("/rules/{id}", Remove)
            .WithSummary("Remove a rule; its revisions stay on record (role admin)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        rules.MapGet("/rules/removed", ListRemoved)
            .WithSummary("The rules removed and not restored, each as it last stood, the latest removed first (100 at most; role admin)")
            .Produces<RuleResponse[]>();

        rules.MapPost("/rules/{id}/restore", Restore)
            .WithSummary("Put an earlier revision back in force as the rule's next revision: a removed rule as it last stood (or the revision named), "
                + "or an edit undone (the revision to go back to); 409 rule_in_force for a rule in force without a revision named (role admin)")
            .Accepts<RestoreRequest>("application/json")
            .Produces<RuleResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rules.MapGet("/rules/{id}/revisions", Revisions)
            .WithSummary("Every revision of a rule, oldest first: who changed what, when (role admin)")
            .Produces<RuleResponse[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        rules.MapPost("/rules/dry-run", DryRun)
            .WithSummary("What a rule would have done to the claims this node saw in the last 30 minutes, without saving it (role admin)")
            .Accepts<RuleRequest>("application/json")
            .Produces<DryRunResponse>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> List(IClusterClient cluster)
    {
        var set = await cluster.GetGrain<IRiskRulesGrain>(0).ChangedSince(-1);
        return Results.Ok(set!.Rules.OrderBy(r => r.Name, StringComparer.Ordinal).Select(RuleResponse.Of));
    }

    private static Task<IResult> Create(HttpContext context, IClusterClient cluster, RuleRefresh refresh, TimeProvider clock) =>
        SaveAsync(context, cluster, refresh, clock, id: null);

    private static Task<IResult> Revise(string id, HttpContext context, IClusterClient cluster, RuleRefresh refresh, TimeProvider clock) =>
        Guid.TryParse(id, out var ruleId) ? SaveAsync(context, cluster, refresh, clock, ruleId) : Task.FromResult(NotFound());

    private static async Task<IResult> SaveAsync(HttpContext context, IClusterClient cluster, RuleRefresh refresh, TimeProvider clock, Guid? id)
    {
        var (body, problem) = await JsonBody.Read<RuleRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var errors = RuleValidation.Check(body!, id ?? Guid.CreateVersion7(now), context.ShopperId(), now, out var rule);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var grain = cluster.GetGrain<IRiskRulesGrain>(0);
        var inForce = (await grain.ChangedSince(-1))!.Rules;
        var current = id is { } existing ? inForce.FirstOrDefault(r => r.Id == existing) : null;
        if (id is not null && current is null)
        {
            return NotFound();
        }

        if (NameTaken(inForce, rule!) is { } taken)
        {
            return taken;
        }

        var edited = current is null ? 0 : body!.Revision ?? current.Revision;
        if (await grain.Save(rule! with { Revision = edited }) is not { } saved)
        {
            return Problem.Of(StatusCodes.Status409Conflict, "rule_changed", "The rule was changed since the revision you edited: reload it.");
        }

        await refresh.RefreshAsync();
        return id is null ? Results.Created($"/api/admin/risk/rules/{saved.Id}", RuleResponse.Of(saved)) : Results.Ok(RuleResponse.Of(saved));
    }

    private static async Task<IResult> Remove(string id, HttpContext context, IClusterClient cluster, RuleRefresh refresh, TimeProvider clock)
    {
        if (!Guid.TryParse(id, out var ruleId) || await cluster.GetGrain<IRiskRulesGrain>(0).Remove(ruleId, context.ShopperId(), clock.GetUtcNow()) is null)
        {
            return NotFound();
        }

        await refresh.RefreshAsync();
        return Results.NoContent();
    }

    private static async Task<IResult> ListRemoved(IClusterClient cluster) =>
        Results.Ok((await cluster.GetGrain<IRiskRulesGrain>(0).Removed(100)).Select(RuleResponse.Of));

    private static async Task<IResult> Restore(string id, HttpContext context, IClusterClient cluster, RuleRefresh refresh, TimeProvider clock)
    {
        // The body is optional: none (an empty one too, whatever its type) restores a removed rule as it last stood.
        var asked = new RestoreRequest(null);
        var length = context.Request.ContentLength;
        if (length > 0 || (length is null && context.Request.HasJsonContentType()))
        {
            var (body, problem) = await JsonBody.Read<RestoreRequest>(context.Request);
            if (problem is not null)
            {
                return problem;
            }

            asked = body!;
        }

        var grain = cluster.GetGrain<IRiskRulesGrain>(0);
        var revisions = Guid.TryParse(id, out var ruleId) ? await grain.Revisions(ruleId) : [];
        if (revisions.IsEmpty)
        {
            return NotFound();
        }

        var latest = revisions[^1];
        if (!latest.Removed && asked.Revision is null)
        {
            return Problem.Of(StatusCodes.Status409Conflict, "rule_in_force", "The rule is in force: name the revision to go back to.");
        }

        // A removal is no revision to go back to: it says only that the rule went.
        var chosen = asked.Revision is { } wanted ? revisions.FirstOrDefault(r => r.Revision == wanted && !r.Removed) : revisions.Last(r => !r.Removed);
        if (chosen is null)
        {
            return Problem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["revision"] = [$"The rule has no revision {asked.Revision} to restore (1 to {latest.Revision}, not a removal)."],
            });
        }

        if (NameTaken((await grain.ChangedSince(-1))!.Rules, chosen) is { } taken)
        {
            return taken;
        }

        var restoring = chosen with { Revision = latest.Revision, ChangedBy = context.ShopperId(), ChangedAt = clock.GetUtcNow() };
        if (await grain.Save(restoring) is not { } saved)
        {
            return Problem.Of(StatusCodes.Status409Conflict, "rule_changed", "The rule was changed meanwhile: reload it.");
        }

        await refresh.RefreshAsync();
        return Results.Ok(RuleResponse.Of(saved));
    }

    /// <summary>
    /// Decisions are audited and counted by campaign and rule name: two rules that may judge the same claims
    /// under one name could not be told apart. Null when no other rule in force has the name.
    /// </summary>
    private static IResult? NameTaken(IEnumerable<RiskRule> inForce, RiskRule rule) =>
        inForce.Any(r => r.Id != rule.Id && string.Equals(r.Name, rule.Name, StringComparison.OrdinalIgnoreCase)
            && (r.CampaignId is null || rule.CampaignId is null || r.CampaignId == rule.CampaignId))
            ? Problem.Of(StatusCodes.Status409Conflict, "rule_name_taken", "Another rule in force for these campaigns has this name.")
            : null;

    private static async Task<IResult> Revisions(string id, IClusterClient cluster)
    {
        var revisions = Guid.TryParse(id, out var ruleId) ? await cluster.GetGrain<IRiskRulesGrain>(0).Revisions(ruleId) : [];
        return revisions.IsEmpty ? NotFound() : Results.Ok(revisions.Select(RuleResponse.Of));
    }

    private static async Task<IResult> DryRun(HttpContext context, RecentClaims recent, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.Read<RuleRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var errors = RuleValidation.Check(body! with { DryRun = false, Enabled = true }, Guid.Empty, context.ShopperId(), now, out var rule);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var compiled = CompiledRule.Of(rule!);
        var claims = recent.Snapshot();
        // A campaign's rule also covers its batches and variants: the claims kept name the group they were made through.
        var matched = claims.Where(c => compiled.AppliesTo(c.CampaignId, c.GroupId) && compiled.Matches(c)).ToList();
        return Results.Ok(new DryRunResponse(claims.Count, matched.Count, matched.Select(c => c.ShopperId).Distinct(StringComparer.Ordinal).Count(),
            rule!.Action.ToString().ToLowerInvariant(),
            [.. matched.AsEnumerable().Reverse().Take(20).Select(c => new DryRunExample(c.ShopperId, c.DeviceId, c.Request.Fingerprint, c.Request.Prefix,
                c.CampaignId, c.At))]));
    }

    private static IResult NotFound() => Problem.Of(StatusCodes.Status404NotFound, "rule_not_found", "There is no such rule in force.");
}

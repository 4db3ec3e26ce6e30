using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Rules;

/// <summary>Turns a rule request into a rule, or into per-field errors keyed by JSON path: a rule is checked whole before it can act.</summary>
public static class RuleValidation
{
    public const int MaxConditions = 10;
    public const int MaxDifficulty = 8;
    public const int MaxScore = 1_000;
    private const double MaxValue = 1e12;

    private static readonly (string Op, Comparison Comparison)[] Ops =
    [
        (">=", Comparison.AtLeast), (">", Comparison.MoreThan), ("<=", Comparison.AtMost), ("<", Comparison.LessThan),
        ("==", Comparison.EqualTo), ("!=", Comparison.NotEqualTo),
    ];

    private static readonly HashSet<string> BuiltInChecks = new(
        typeof(RiskRules).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!), StringComparer.OrdinalIgnoreCase);

    public static string OpOf(Comparison comparison) => Ops.First(o => o.Comparison == comparison).Op;

    public static Dictionary<string, string[]> Check(RuleRequest request, Guid id, string changedBy, DateTimeOffset now, out RiskRule? rule)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            errors["name"] = ["Required, 1 to 100 characters, no control characters."];
        }
        else if (BuiltInChecks.Contains(name))
        {
            // Decisions are audited under the rule's name: one of the built-in checks' would mix them up.
            errors["name"] = ["Taken by a built-in check: choose another."];
        }

        var when = ImmutableArray.CreateBuilder<RuleCondition>();
        if (request.When is not { Count: > 0 and <= MaxConditions } conditions)
        {
            errors["when"] = [$"Required: 1 to {MaxConditions} conditions, all of which must hold."];
        }
        else
        {
            for (var i = 0; i < conditions.Count; i++)
            {
                if (Condition(conditions[i], $"when[{i}]", errors) is { } condition)
                {
                    when.Add(condition);
                }
            }
        }

        RuleAction? action = request.Action?.ToLowerInvariant() switch
        {
            "allow" => RuleAction.Allow,
            "challenge" => RuleAction.Challenge,
            "deny" => RuleAction.Deny,
            "flag" => RuleAction.Flag,
            _ => null,
        };
        if (action is null)
        {
            errors["action"] = ["Required: allow, challenge, deny or flag."];
        }
        else if (action == RuleAction.Challenge && request.Difficulty is not (>= 1 and <= MaxDifficulty))
        {
            errors["difficulty"] = [$"Required for a challenge: 1 to {MaxDifficulty}."];
        }
        else if (action != RuleAction.Challenge && request.Difficulty is not null)
        {
            errors["difficulty"] = ["Only for a challenge: leave it out."];
        }

        if (request.Score is < 0 or > MaxScore)
        {
            errors["score"] = [$"0 to {MaxScore} (default 0)."];
        }

        if (request.Revision is < 1)
        {
            errors["revision"] = ["The revision the rule was edited from (1 or more), or left out."];
        }

        rule = errors.Count == 0
            ? new RiskRule(id, name!, request.CampaignId, when.ToImmutable(), action!.Value, request.Score ?? 0, request.Difficulty ?? 0,
                request.DryRun ?? false, request.Enabled ?? true, 0, changedBy, now)
            : null;
        return errors;
    }

    private static RuleCondition? Condition(ConditionRequest? request, string path, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            errors[path] = ["Required: { signal, op, value }."];
            return null;
        }

        var valid = true;
        if (request.Signal is null || !RiskSignals.All.ContainsKey(request.Signal))
        {
            errors[$"{path}.signal"] = [$"Required: one of {string.Join(", ", RiskSignals.All.Keys)}."];
            valid = false;
        }

        var op = Ops.FirstOrDefault(o => string.Equals(o.Op, request.Op, StringComparison.Ordinal));
        if (op.Op is null)
        {
            errors[$"{path}.op"] = [$"Required: one of {string.Join(" ", Ops.Select(o => o.Op))}."];
            valid = false;
        }

        if (request.Value is not { } value || !double.IsFinite(value) || Math.Abs(value) > MaxValue)
        {
            errors[$"{path}.value"] = ["Required: a number, at most 10^12 either way."];
            valid = false;
        }

        if (request.Per is { } per && (!RiskSignals.All.ContainsKey(per) || string.Equals(per, request.Signal, StringComparison.Ordinal)))
        {
            errors[$"{path}.per"] = [$"Optional: another of {string.Join(", ", RiskSignals.All.Keys)}."];
            valid = false;
        }

        return valid ? new RuleCondition(request.Signal!, op.Comparison, request.Value!.Value, request.Per) : null;
    }
}

namespace FlashSale.Api.Identity;

public static class Roles
{
    public const string Shopper = "shopper";
    public const string Marketing = "marketing";
    public const string Merchant = "merchant";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Shopper, Marketing, Merchant, Admin], StringComparer.Ordinal);

    /// <summary>Marketing and admins: who sees drafts and operators' alerts.</summary>
    public static bool IsOperator(this System.Security.Claims.ClaimsPrincipal? user) =>
        user?.IsInRole(Marketing) == true || user?.IsInRole(Admin) == true;
}

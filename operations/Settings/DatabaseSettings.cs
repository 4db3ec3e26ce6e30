using System.ComponentModel.DataAnnotations;

namespace FlashSale.Operations.Settings;

/// <summary>Configuration section <c>ConnectionStrings</c>: the PostgreSQL every process of the cluster shares.</summary>
public sealed class DatabaseSettings
{
    public const string Section = "ConnectionStrings";

    [Required(ErrorMessage = "set the PostgreSQL connection string.")]
    public string FlashSale { get; set; } = "";
}
